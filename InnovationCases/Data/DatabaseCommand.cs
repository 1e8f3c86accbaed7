using InnovationCases.Features.StageStats;

namespace InnovationCases.Data;

/// <summary>
/// <c>dotnet InnovationCases.dll backup &lt;file&gt;</c> (while the app runs),
/// <c>restore &lt;file&gt;</c> (only while it does not), <c>rebuild-aggregates</c> (either way:
/// recomputes the dashboard's <see cref="StageDay"/> rows and decision waits from the event log in one write) and
/// <c>copy-to-postgres &lt;connection string&gt;</c> (SQLite to a new PostgreSQL database): one-off
/// commands instead of the web app, on the database the configuration names.
/// </summary>
public static class DatabaseCommand
{
    public const string Backup = "backup";
    public const string Restore = "restore";
    public const string RebuildAggregates = "rebuild-aggregates";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] is Backup or Restore or RebuildAggregates or CopyToPostgres.Command;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args[0] == RebuildAggregates)
        {
            await services.InitializeDatabaseAsync();
            var rows = await StageDayRebuild.RebuildAsync(services.GetRequiredService<DbWriter>());
            await output.WriteLineAsync($"Rebuilt the stage statistics from the event log: {rows} day rows, and the decision waits.");
            return 0;
        }

        if (args.Length != 2)
        {
            await output.WriteLineAsync($"Usage: {Backup} <file>  |  {Restore} <file>  |  {RebuildAggregates}  |  {CopyToPostgres.Command} <PostgreSQL connection string>");
            return 2;
        }

        var config = services.GetRequiredService<IConfiguration>();
        var connectionString = DatabaseSetup.ResolveConnectionString(config, services.GetRequiredService<IHostEnvironment>());
        if (DatabaseSetup.ProviderOf(config) == DatabaseProvider.Postgres)
        {
            // A server database is backed up by the server's own tools, consistent while the app runs.
            await output.WriteLineAsync(args[0] == CopyToPostgres.Command
                ? "The app already runs on PostgreSQL: copy-to-postgres reads the SQLite database (Database:Provider Sqlite)."
                : "On PostgreSQL, back up with pg_dump and restore with pg_restore (docs/DEPLOYMENT.md): pg_dump -Fc -f innovationcases.dump <database>");
            return 1;
        }

        return args[0] switch
        {
            Backup => await DatabaseBackup.BackupAsync(connectionString, args[1], output),
            Restore => await DatabaseBackup.RestoreAsync(connectionString, args[1], output),
            _ => await CopyToPostgres.RunAsync(connectionString, args[1], output),
        };
    }
}
