using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using InnovationCases.Setup;
using Npgsql;

namespace InnovationCases.Data;

/// <summary>
/// The one way to write: a fresh context, one transaction, retried when the database says "try
/// again". On SQLite, which allows one writer per file at a time, writers queue on a gate per file
/// in this process instead of colliding in the file (<see cref="DbFiles"/>: the cases' file, and the
/// notifications' file attached beside it), and a busy file is retried. The transaction begins
/// deferred, so it takes the write lock of only the files it writes, at its first write: the
/// notification fan-out writes while a move holds the cases' file. A read-then-write inside it (the
/// pool's remaining budget, the expected version) is not raced: every writer of the file in this
/// process waits at its gate, and another process's commit in between makes SQLite refuse the write
/// as busy, which is retried. On PostgreSQL writers run side by side,
/// also from other app instances: the transaction is SERIALIZABLE by default, so the same
/// read-then-write is safe, and a serialization failure or deadlock is retried. A write that guards
/// itself with row locks (a move: the version-checked UPDATE, the pool row locked before its budget
/// is read) asks for READ COMMITTED instead: rows every such write updates (the day's stage counts)
/// then make concurrent writers wait for each other rather than fail and retry.
/// </summary>
/// <remarks>
/// A write of <see cref="DbFiles.Both"/> takes both gates, the cases' first (every writer takes them in
/// that order). SQLite commits it file by file (in WAL mode a transaction over attached files is atomic
/// per file, not across them), the cases' file first; the only such write is the admin's resend of a
/// parked e-mail, whose audit entry is in the cases' file, so a crash between the two leaves an audit
/// entry for a resend that did not happen, never a resend without one.
/// </remarks>
public sealed class DbWriter(IDbContextFactory<AppDbContext> factory, ILogger<DbWriter> logger)
{
    private const int SqliteAttempts = 5;

    // Serializable transactions that read whole small tables conflict often under many writers; each
    // retry is cheap, and the jittered wait spreads the collided writers apart.
    private const int PostgresAttempts = 30;
    private readonly SemaphoreSlim _casesGate = new(1, 1);
    private readonly SemaphoreSlim _notificationsGate = new(1, 1);
    private bool? _serialized;

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits it. Whatever <paramref name="work"/>
    /// saves is stored together or not at all; an exception rolls everything back. It may run again on
    /// a busy database, so it must read what it needs from the context it is given. It writes the
    /// cases' file (everything but the notifications' rows and texts).
    /// </summary>
    public Task<T> WriteAsync<T>(Func<AppDbContext, Task<T>> work, CancellationToken ct = default) =>
        WriteAsync(work, WriteIsolation.Serializable, DbFiles.Cases, ct);

    /// <summary>
    /// <see cref="WriteAsync{T}(Func{AppDbContext, Task{T}}, CancellationToken)"/> with the isolation
    /// the write needs on a server database; on SQLite every write is serialized whatever it asks.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<AppDbContext, Task<T>> work, WriteIsolation isolation, CancellationToken ct = default) =>
        WriteAsync(work, isolation, DbFiles.Cases, ct);

    /// <summary>A write of the notifications' rows and texts (or of <see cref="DbFiles.Both"/>): it reads whatever it needs.</summary>
    public Task<T> WriteAsync<T>(DbFiles files, Func<AppDbContext, Task<T>> work, CancellationToken ct = default) =>
        WriteAsync(work, WriteIsolation.Serializable, files, ct);

    /// <summary>
    /// A write whose transaction (context, begin, <paramref name="work"/>, commit) runs on <paramref name="thread"/>,
    /// at that thread's priority, while the gates are taken and released here: the lowered thread never
    /// releases a gate that a waiter's continuation is queued behind (<see cref="BackgroundThread"/>).
    /// </summary>
    public Task<T> WriteAsync<T>(DbFiles files, BackgroundThread thread, Func<AppDbContext, Task<T>> work, CancellationToken ct = default) =>
        WriteAsync(work, WriteIsolation.Serializable, files, ct, thread);

    private async Task<T> WriteAsync<T>(Func<AppDbContext, Task<T>> work, WriteIsolation isolation, DbFiles files, CancellationToken ct,
        BackgroundThread? thread = null)
    {
        var level = isolation == WriteIsolation.RowLocks ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable;
        for (var attempt = 1; ; attempt++)
        {
            var gated = await SerializedAsync(ct);
            var gates = gated ? GatesOf(files) : [];
            foreach (var gate in gates)
            {
                await gate.WaitAsync(ct);
            }

            try
            {
                return thread is null
                    ? await TransactAsync(work, gated, level, ct)
                    : await thread.RunAsync(() => TransactAsync(work, gated, level, ct).GetAwaiter().GetResult());
            }
            catch (Exception e) when (attempt < (gated ? SqliteAttempts : PostgresAttempts) && IsBusy(e))
            {
                logger.LogWarning("Database busy, retrying write (attempt {Attempt})", attempt);
            }
            finally
            {
                for (var g = gates.Length - 1; g >= 0; g--)
                {
                    gates[g].Release();
                }
            }

            // Spread out the retries of writers that collided, so they do not collide again.
            await Task.Delay(Random.Shared.Next(10, 50) * Math.Min(attempt, 5), ct);
        }
    }

    private async Task<T> TransactAsync<T>(Func<AppDbContext, Task<T>> work, bool gated, IsolationLevel level, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (gated)
        {
            // Deferred: the write lock of each file is taken at the first write to it.
            await db.Database.OpenConnectionAsync(ct);
            await using var sqlite = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(sqlite, ct);
            var written = await work(db);
            await sqlite.CommitAsync(ct);
            return written;
        }

        await using var tx = await db.Database.BeginTransactionAsync(level, ct);
        var result = await work(db);
        await tx.CommitAsync(ct);
        return result;
    }

    // Always the cases' gate before the notifications': two writers of both cannot wait on each other.
    private SemaphoreSlim[] GatesOf(DbFiles files) => files switch
    {
        DbFiles.Cases => [_casesGate],
        DbFiles.Notifications => [_notificationsGate],
        _ => [_casesGate, _notificationsGate],
    };

    private async Task<bool> SerializedAsync(CancellationToken ct)
    {
        if (_serialized is { } known)
        {
            return known;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        _serialized = db.Database.IsSqlite();
        return _serialized.Value;
    }

    private static bool IsBusy(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 5 or 6 } => true, // SQLITE_BUSY, SQLITE_LOCKED
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => true,
        DbUpdateException { InnerException: { } inner } => IsBusy(inner),
        // Npgsql's execution strategy wraps a transient failure in an InvalidOperationException.
        InvalidOperationException { InnerException: { } inner } => IsBusy(inner),
        _ => false,
    };
}
