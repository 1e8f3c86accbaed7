using Microsoft.Data.Sqlite;

namespace InnovationCases.Data;

/// <summary>
/// Backup and restore of the SQLite file with SQLite's online backup API: a backup is one
/// consistent snapshot (a read transaction over every page) while the app keeps writing, and it
/// carries everything in the database, the Data Protection keys included.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Copies the live database to <paramref name="destination"/>, which must not exist yet, and checks the copy.</summary>
    public static async Task<int> BackupAsync(string connectionString, string destination, TextWriter output)
    {
        destination = Path.GetFullPath(destination);
        if (File.Exists(destination))
        {
            await output.WriteLineAsync($"{destination} exists already; choose a new file name.");
            return 1;
        }

        if (Path.GetDirectoryName(destination) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
        }

        await using (var source = new SqliteConnection(connectionString))
        await using (var copy = new SqliteConnection(FileConnection(destination, SqliteOpenMode.ReadWriteCreate)))
        {
            await source.OpenAsync();
            await copy.OpenAsync();
            source.BackupDatabase(copy);
        }

        var check = await IntegrityCheckAsync(destination);
        SqliteConnection.ClearAllPools();
        if (check != "ok")
        {
            await output.WriteLineAsync($"The backup {destination} failed its integrity check: {check}");
            return 1;
        }

        await output.WriteLineAsync($"Backed up to {destination} (integrity check ok).");
        return 0;
    }

    /// <summary>
    /// Replaces the database with <paramref name="source"/>: refused while an app runs on the
    /// database (it holds <see cref="RunningAppLock"/>) and when the backup fails its integrity check.
    /// Migrations are applied by the next start, so an older backup is upgraded then.
    /// </summary>
    public static async Task<int> RestoreAsync(string connectionString, string source, TextWriter output)
    {
        source = Path.GetFullPath(source);
        if (!File.Exists(source))
        {
            await output.WriteLineAsync($"{source} does not exist.");
            return 1;
        }

        using var exclusive = RunningAppLock.TryAcquireExclusive(connectionString);
        if (exclusive is null)
        {
            await output.WriteLineAsync("The app is running on this database. Stop every instance, then restore.");
            return 1;
        }

        var check = await IntegrityCheckAsync(source, readOnly: true);
        if (check != "ok")
        {
            await output.WriteLineAsync($"{source} failed its integrity check and was not restored: {check}");
            return 1;
        }

        await using (var backup = new SqliteConnection(FileConnection(source, SqliteOpenMode.ReadOnly)))
        await using (var target = new SqliteConnection(connectionString))
        {
            await backup.OpenAsync();
            await target.OpenAsync();
            // Through the target's own pager, so a write-ahead log left by a crash cannot mix with the restored pages.
            backup.BackupDatabase(target);
        }

        SqliteConnection.ClearAllPools();
        await output.WriteLineAsync($"Restored {new SqliteConnectionStringBuilder(connectionString).DataSource} from {source}. Start the app to apply any newer migrations.");
        return 0;
    }

    /// <summary>SQLite's <c>PRAGMA integrity_check</c>: "ok", or the problems found.</summary>
    public static async Task<string> IntegrityCheckAsync(string file, bool readOnly = false)
    {
        try
        {
            await using var connection = new SqliteConnection(FileConnection(file, readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite));
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join("; ", lines);
        }
        catch (SqliteException e)
        {
            // "file is not a database" and friends: not a backup that can be restored.
            return e.Message;
        }
    }

    private static string FileConnection(string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString();
}
