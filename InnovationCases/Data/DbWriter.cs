using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data;

/// <summary>
/// The one way to write: a fresh context, one transaction, serialized writers. SQLite allows one
/// writer at a time, so writers queue on a gate in this process instead of colliding in the file;
/// the transaction starts IMMEDIATE (Microsoft.Data.Sqlite's default) so a read-then-write inside it
/// (the pool's remaining budget, the expected version) cannot be raced by another process, and a busy
/// file (another process writing) is retried.
/// </summary>
public sealed class DbWriter(IDbContextFactory<AppDbContext> factory, ILogger<DbWriter> logger)
{
    private const int Attempts = 5;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits it. Whatever <paramref name="work"/>
    /// saves is stored together or not at all; an exception rolls everything back. It may run again on
    /// a busy database, so it must read what it needs from the context it is given.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<AppDbContext, Task<T>> work, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await _gate.WaitAsync(ct);
            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var result = await work(db);
                await tx.CommitAsync(ct);
                return result;
            }
            catch (Exception e) when (attempt < Attempts && IsBusy(e))
            {
                logger.LogWarning("Database busy, retrying write (attempt {Attempt})", attempt);
            }
            finally
            {
                _gate.Release();
            }

            await Task.Delay(50 * attempt, ct);
        }
    }

    private static bool IsBusy(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 5 or 6 } => true, // SQLITE_BUSY, SQLITE_LOCKED
        DbUpdateException { InnerException: { } inner } => IsBusy(inner),
        _ => false,
    };
}
