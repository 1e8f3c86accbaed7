using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InnovationCases.Data;

/// <summary>
/// The one way to write: a fresh context, one transaction, retried when the database says "try
/// again". On SQLite, which allows one writer at a time, writers queue on a gate in this process
/// instead of colliding in the file; the transaction starts IMMEDIATE (Microsoft.Data.Sqlite's
/// default) so a read-then-write inside it (the pool's remaining budget, the expected version) cannot
/// be raced by another process, and a busy file is retried. On PostgreSQL writers run side by side,
/// also from other app instances: the transaction is SERIALIZABLE by default, so the same
/// read-then-write is safe, and a serialization failure or deadlock is retried. A write that guards
/// itself with row locks (a move: the version-checked UPDATE, the pool row locked before its budget
/// is read) asks for READ COMMITTED instead: rows every such write updates (the day's stage counts)
/// then make concurrent writers wait for each other rather than fail and retry.
/// </summary>
public sealed class DbWriter(IDbContextFactory<AppDbContext> factory, ILogger<DbWriter> logger)
{
    private const int SqliteAttempts = 5;

    // Serializable transactions that read whole small tables conflict often under many writers; each
    // retry is cheap, and the jittered wait spreads the collided writers apart.
    private const int PostgresAttempts = 30;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool? _serialized;

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits it. Whatever <paramref name="work"/>
    /// saves is stored together or not at all; an exception rolls everything back. It may run again on
    /// a busy database, so it must read what it needs from the context it is given.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<AppDbContext, Task<T>> work, CancellationToken ct = default) =>
        WriteAsync(work, WriteIsolation.Serializable, ct);

    /// <summary>
    /// <see cref="WriteAsync{T}(Func{AppDbContext, Task{T}}, CancellationToken)"/> with the isolation
    /// the write needs on a server database; on SQLite every write is serialized whatever it asks.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<AppDbContext, Task<T>> work, WriteIsolation isolation, CancellationToken ct = default)
    {
        var level = isolation == WriteIsolation.RowLocks ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable;
        for (var attempt = 1; ; attempt++)
        {
            var gated = await SerializedAsync(ct);
            if (gated)
            {
                await _gate.WaitAsync(ct);
            }

            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                await using var tx = gated
                    ? await db.Database.BeginTransactionAsync(ct)
                    : await db.Database.BeginTransactionAsync(level, ct);
                var result = await work(db);
                await tx.CommitAsync(ct);
                return result;
            }
            catch (Exception e) when (attempt < (gated ? SqliteAttempts : PostgresAttempts) && IsBusy(e))
            {
                logger.LogWarning("Database busy, retrying write (attempt {Attempt})", attempt);
            }
            finally
            {
                if (gated)
                {
                    _gate.Release();
                }
            }

            // Spread out the retries of writers that collided, so they do not collide again.
            await Task.Delay(Random.Shared.Next(10, 50) * Math.Min(attempt, 5), ct);
        }
    }

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
