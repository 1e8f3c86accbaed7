using Microsoft.Data.Sqlite;

namespace InnovationCases.Data;

/// <summary>
/// A shared lock on <c>&lt;database&gt;.lock</c> next to the SQLite file, held for as long as the web
/// app runs. Restore takes the same lock exclusively, so it cannot replace the file under a running
/// app (on any instance that shares the file). The lock is the operating system's (flock): it goes
/// away with the process, also after a crash, so there is never a stale lock file to delete.
/// </summary>
/// <param name="connectionString">The SQLite database's, or null on a server database (nothing to lock).</param>
public sealed class RunningAppLock(string? connectionString) : IDisposable
{
    private FileStream? _lock;

    /// <summary>The lock file belonging to a connection string's database, or null for an in-memory database.</summary>
    public static string? PathFor(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" ? null : builder.DataSource + ".lock";
    }

    /// <summary>Takes the shared lock; several app instances on one file may hold it together.</summary>
    public void Acquire()
    {
        if (_lock is not null || connectionString is null || PathFor(connectionString) is not { } path)
        {
            return;
        }

        if (Path.GetDirectoryName(path) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
        }

        // Opened read-only and shareable, .NET takes flock(LOCK_SH); FileShare.None takes LOCK_EX.
        _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
    }

    /// <summary>
    /// The exclusive lock for restore, or null while any app holds the shared one.
    /// </summary>
    public static FileStream? TryAcquireExclusive(string connectionString)
    {
        if (PathFor(connectionString) is not { } path)
        {
            return null;
        }

        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _lock?.Dispose();
}
