using Microsoft.Data.Sqlite;

namespace InnovationCases.Data;

/// <summary>
/// Copies the SQLite write-ahead log back into the database file in the background, so that the
/// writers do not have to. Without it SQLite checkpoints at the commit that takes the log past 1,000
/// pages, inside that writer's transaction call: the commit copies ~1,000 pages and syncs the file
/// twice while every other writer waits for the one write lock (B1 in docs/BENCHMARKS.md: 44 commits
/// over 10 ms per 4,000 moves). This service runs <c>PRAGMA wal_checkpoint(PASSIVE)</c> on its own
/// connection every <c>Database:CheckpointMilliseconds</c> (100 by default; 0 turns it off): a passive
/// checkpoint takes no lock a writer or reader waits for, it copies what no reader still needs.
/// </summary>
/// <remarks>
/// The writers' own checkpoint stays as a backstop (<see cref="SqlitePragmas"/>, raised to
/// <c>Database:WalAutoCheckpointPages</c>, 10,000 pages ≈ 40 MB by default): if this service stops or
/// falls behind, the log still cannot grow without bound. Under a steady stream of writes the log is
/// never wholly copied between two commits, so it restarts from its beginning only at that backstop,
/// whose checkpoint then finds most pages copied already. With <c>synchronous=NORMAL</c> a commit
/// reaches the disk at the next checkpoint, which syncs the log first: with this service that is
/// within about one interval of the commit, however few writes follow it. On stop it checkpoints once
/// more, so the file is complete without its log. Registered on SQLite only.
/// </remarks>
public sealed class WalCheckpointer(WalCheckpointer.Settings settings, ILogger<WalCheckpointer> logger) : BackgroundService
{
    /// <summary>SQLite's own threshold, kept when this service does not run.</summary>
    public const int SqliteDefaultPages = 1_000;

    /// <summary>The connection string and how often to checkpoint.</summary>
    public sealed record Settings(string ConnectionString, TimeSpan Interval);

    private SqliteConnection? _connection;

    /// <summary><c>Database:CheckpointMilliseconds</c>; zero or less: no background checkpoints.</summary>
    public static TimeSpan IntervalOf(IConfiguration config) =>
        TimeSpan.FromMilliseconds(config.GetValue("Database:CheckpointMilliseconds", 100));

    /// <summary>The writers' <c>wal_autocheckpoint</c>: raised while this service runs, SQLite's default otherwise.</summary>
    public static int BackstopPagesOf(IConfiguration config) =>
        IntervalOf(config) > TimeSpan.Zero ? config.GetValue("Database:WalAutoCheckpointPages", 10_000) : SqliteDefaultPages;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The last one: what the app committed is in the database file, not only in its log.
        await CheckpointAsync(CancellationToken.None);
        await DropConnectionAsync();
    }

    /// <summary>
    /// One passive checkpoint; false when it could not run (the file is not there yet, say); it never
    /// throws except on cancellation. A connection that failed is dropped and the checkpoint tried once on a new one: <c>SqliteConnection.ClearAllPools</c>
    /// (the backup command, the tests) closes the native handles of open connections too.
    /// </summary>
    internal async Task<bool> CheckpointAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (_connection is null)
                {
                    // Its own connection, outside the app's pool: it holds no transaction between checkpoints.
                    var connection = new SqliteConnection(new SqliteConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ToString());
                    await connection.OpenAsync(ct);
                    _connection = connection;
                    await using var attach = NotificationsFile.AttachCommand(connection);
                    await attach.ExecuteNonQueryAsync(ct);
                }

                // Without a schema name: the log of every attached file, the notifications' too.
                await using var command = _connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                // One row (busy, frames in the log, frames copied); a checkpoint already running makes it busy, not an error.
                await command.ExecuteNonQueryAsync(ct);
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Any failure, not only SqliteException: a handle closed under the connection
                // (ClearAllPools) surfaces as ArgumentNullException from the provider, and an exception
                // leaving a BackgroundService, or its StopAsync, would stop or fail the whole host.
                logger.LogDebug(e, "WAL checkpoint skipped (attempt {Attempt})", attempt);
                await DropConnectionAsync();
                if (attempt == 2)
                {
                    return false;
                }
            }
        }
    }

    private async Task DropConnectionAsync()
    {
        var connection = _connection;
        _connection = null;
        if (connection is null)
        {
            return;
        }

        try
        {
            await connection.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
            // Its handle was closed under it already.
        }
    }
}
