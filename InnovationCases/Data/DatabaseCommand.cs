namespace InnovationCases.Data;

/// <summary>
/// <c>dotnet InnovationCases.dll backup &lt;file&gt;</c> (while the app runs) and
/// <c>restore &lt;file&gt;</c> (only while it does not): one-off commands instead of the web app,
/// on the database the configuration names.
/// </summary>
public static class DatabaseCommand
{
    public const string Backup = "backup";
    public const string Restore = "restore";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] is Backup or Restore;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args.Length != 2)
        {
            await output.WriteLineAsync($"Usage: {Backup} <file>  |  {Restore} <file>");
            return 2;
        }

        var connectionString = DatabaseSetup.ResolveConnectionString(
            services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>());
        return args[0] == Backup
            ? await DatabaseBackup.BackupAsync(connectionString, args[1], output)
            : await DatabaseBackup.RestoreAsync(connectionString, args[1], output);
    }
}
