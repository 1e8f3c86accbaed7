using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data;

/// <summary>What a pool has left: budget minus what its cases consume (see <see cref="InnovationCase.ConsumedAmount"/>).</summary>
public static class PoolLedger
{
    public static async Task<long> ConsumedAsync(this AppDbContext db, int poolId, CancellationToken ct = default) =>
        await db.Cases
            .Where(c => c.PoolId == poolId)
            .SumAsync(c =>
                c.Stage == Stage.Granted || c.Stage == Stage.Implemented || c.Stage == Stage.Evaluated ? c.GrantedAmount ?? 0
                : c.Stage == Stage.Stopped ? c.ActualSpend ?? c.GrantedAmount ?? 0
                : 0L, ct);

    public static async Task<long> RemainingAsync(this AppDbContext db, Pool pool, CancellationToken ct = default) =>
        pool.Budget - await db.ConsumedAsync(pool.Id, ct);
}
