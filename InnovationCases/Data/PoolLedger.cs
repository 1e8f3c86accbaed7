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

    public static async Task<long> RemainingAsync(this AppDbContext db, Pool pool, CancellationToken ct = default) =>
        pool.Budget - await db.ConsumedAsync(pool.Id, ct);
}
