using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data;

/// <summary>What a pool has left: budget minus what its cases consume (see <see cref="PoolConsumption"/>).</summary>
public static class PoolLedger
{
    public static async Task<long> ConsumedAsync(this AppDbContext db, int poolId, CancellationToken ct = default) =>
        await db.Cases.Where(c => c.PoolId == poolId).Select(PoolConsumption.Amount).SumAsync(ct);

    /// <summary>What each of the pools consumes, in one pass over their cases instead of one query per pool.</summary>
    public static async Task<Dictionary<int, long>> ConsumedByPoolAsync(this AppDbContext db, IReadOnlyCollection<int> poolIds, CancellationToken ct = default)
    {
        var sums = await db.Cases.Where(c => poolIds.Contains(c.PoolId))
            .GroupBy(c => c.PoolId, PoolConsumption.Amount)
            .Select(g => new { Pool = g.Key, Consumed = g.Sum() })
            .ToListAsync(ct);
        return poolIds.ToDictionary(p => p, p => sums.FirstOrDefault(s => s.Pool == p)?.Consumed ?? 0);
    }

    public static Task<long> RemainingAsync(this AppDbContext db, Pool pool, CancellationToken ct = default) =>
        db.RemainingAsync(pool.Id, pool.Budget, ct);

    /// <summary>What is left of <paramref name="budget"/> (the pool's, as read or as locked) after what the pool's cases consume.</summary>
    public static async Task<long> RemainingAsync(this AppDbContext db, int poolId, long budget, CancellationToken ct = default) =>
        budget - await db.ConsumedAsync(poolId, ct);

    /// <summary>
    /// Locks the pool's row to the end of the write (<c>SELECT … FOR UPDATE</c>) and returns its budget
    /// as committed when the lock was granted: a write that reads what is left and then takes from it
    /// at READ COMMITTED (a move on PostgreSQL, <see cref="WriteIsolation.RowLocks"/>) takes turns with
    /// any other such write on the pool. Null on SQLite, whose writes are serialized anyway.
    /// </summary>
    public static async Task<long?> LockPoolAsync(this AppDbContext db, int poolId, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            return null;
        }

        var budgets = await db.Database
            .SqlQuery<long>($"""SELECT "Budget" AS "Value" FROM "Pools" WHERE "Id" = {poolId} FOR UPDATE""")
            .ToListAsync(ct);
        return budgets.Single();
    }
}
