using InnovationCases.Features.StageStats;

namespace InnovationCases.Data;

/// <summary>
/// <c>dotnet InnovationCases.dll backup &lt;file&gt;</c> (while the app runs),
/// <c>restore &lt;file&gt;</c> (only while it does not) and <c>rebuild-aggregates</c> (either way:
/// recomputes the dashboard's <see cref="StageDay"/> rows from the event log in one write): one-off
/// commands instead of the web app, on the database the configuration names.
/// </summary>
public static class DatabaseCommand
{
    public const string Backup = "backup";
    public const string Restore = "restore";
    public const string RebuildAggregates = "rebuild-aggregates";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] is Backup or Restore or RebuildAggregates;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args[0] == RebuildAggregates)
        {
            await services.InitializeDatabaseAsync();
            var rows = await StageDayRebuild.RebuildAsync(services.GetRequiredService<DbWriter>());
            await output.WriteLineAsync($"Rebuilt the stage statistics from the event log: {rows} day rows.");
            return 0;
        }

        if (args.Length != 2)
        {
            await output.WriteLineAsync($"Usage: {Backup} <file>  |  {Restore} <file>  |  {RebuildAggregates}");
            return 2;
        }

        var connectionString = DatabaseSetup.ResolveConnectionString(
            services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>());
        return args[0] == Backup
            ? await DatabaseBackup.BackupAsync(connectionString, args[1], output)
            : await DatabaseBackup.RestoreAsync(connectionString, args[1], output);
    }
}
