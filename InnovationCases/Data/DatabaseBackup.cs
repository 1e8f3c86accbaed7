using Microsoft.Data.Sqlite;

namespace InnovationCases.Data;

/// <summary>
/// Backup and restore of the SQLite file with SQLite's online backup API: a backup is one
/// consistent snapshot (a read transaction over every page) while the app keeps writing, and it
/// carries everything in the database, the Data Protection keys included. The notifications' file
/// (<see cref="NotificationsFile"/>) goes with it, beside it under the matching name; it is copied
/// after the cases' file, so that whatever the copied cases' file still had to fan out is either in
/// the copied notifications or is fanned out after a restore (a fan-out stores nothing twice).
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Copies the live database to <paramref name="destination"/>, which must not exist yet, and checks the copy.</summary>
    public static async Task<int> BackupAsync(string connectionString, string destination, TextWriter output)
    {
        destination = Path.GetFullPath(destination);
        var notifications = NotificationsFile.PathFor(destination);
        if (File.Exists(destination) || File.Exists(notifications))
        {
            await output.WriteLineAsync($"{(File.Exists(destination) ? destination : notifications)} exists already; choose a new file name.");
            return 1;
        }

        if (Path.GetDirectoryName(destination) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
        }

        await CopyAsync(connectionString, FileConnection(destination, SqliteOpenMode.ReadWriteCreate));
        await CopyAsync(NotificationsFile.ConnectionStringFor(connectionString), FileConnection(notifications, SqliteOpenMode.ReadWriteCreate));
        foreach (var file in new[] { destination, notifications })
        {
            var check = await IntegrityCheckAsync(file);
            if (check != "ok")
            {
                SqliteConnection.ClearAllPools();
                await output.WriteLineAsync($"The backup {file} failed its integrity check: {check}");
                return 1;
            }
        }

        SqliteConnection.ClearAllPools();
        await output.WriteLineAsync($"Backed up to {destination} and {notifications} (integrity check ok).");
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

        // A backup from before the notifications had their own file has none beside it: its cases'
        // file holds them, and the next start copies them over into an empty notifications' file.
        var notifications = NotificationsFile.PathFor(source);
        var files = File.Exists(notifications) ? new[] { source, notifications } : [source];
        foreach (var file in files)
        {
            var check = await IntegrityCheckAsync(file, readOnly: true);
            if (check != "ok")
            {
                await output.WriteLineAsync($"{file} failed its integrity check and was not restored: {check}");
                return 1;
            }
        }

        // Through the target's own pager, so a write-ahead log left by a crash cannot mix with the restored pages.
        await CopyAsync(FileConnection(source, SqliteOpenMode.ReadOnly), connectionString);
        var liveNotifications = NotificationsFile.ConnectionStringFor(connectionString);
        if (files.Length == 2)
        {
            await CopyAsync(FileConnection(notifications, SqliteOpenMode.ReadOnly), liveNotifications);
        }
        else
        {
            SqliteConnection.ClearAllPools();
            var live = new SqliteConnectionStringBuilder(liveNotifications).DataSource;
            foreach (var file in new[] { live, live + "-wal", live + "-shm" })
            {
                File.Delete(file);
            }
        }

        SqliteConnection.ClearAllPools();
        await output.WriteLineAsync($"Restored {new SqliteConnectionStringBuilder(connectionString).DataSource} from {source}. Start the app to apply any newer migrations.");
        return 0;
    }

    /// <summary>Every page of one database into another, through SQLite's online backup API.</summary>
    private static async Task CopyAsync(string from, string to)
    {
        await using var source = new SqliteConnection(from);
        await using var target = new SqliteConnection(to);
        await source.OpenAsync();
        await target.OpenAsync();
        source.BackupDatabase(target);
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
