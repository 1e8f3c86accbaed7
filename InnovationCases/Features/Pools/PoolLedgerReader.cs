using System.Linq.Expressions;
using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Pools;

/// <summary>
/// Reads pool ledgers with SQL aggregates (never by loading cases): the one place the dashboard and
/// the pools page get budget, granted, committed and remaining from. Cases go through
/// <see cref="CaseScope"/>.
/// </summary>
public sealed class PoolLedgerReader(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The budget years that have pools, newest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BudgetYears.Select(y => y.Year).OrderByDescending(y => y).ToListAsync(ct);
    }

    /// <summary>The year's pools, cross-cutting first, then local funds by department name.</summary>
    public async Task<IReadOnlyList<PoolLine>> LinesAsync(Actor actor, int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LinesAsync(db, actor, year, ct);
    }

    /// <summary>The same, in the caller's context.</summary>
    public static async Task<IReadOnlyList<PoolLine>> LinesAsync(AppDbContext db, Actor actor, int year, CancellationToken ct)
    {
        var pools = await db.Pools.AsNoTracking()
            .Where(p => p.Year == year)
            .Select(p => new { p.Id, p.Kind, p.DepartmentId, DepartmentName = p.Department == null ? null : p.Department.Name, WageSum = p.Department == null ? (long?)null : p.Department.WageSum, p.Budget })
            .ToListAsync(ct);
        var sums = await db.Cases.AsNoTracking().ListedFor(actor)
            .Where(c => c.Pool!.Year == year)
            .Where(GivesAFigure)
            .GroupBy(c => c.PoolId, PoolConsumption.Project((c, consumed) => new
            {
                Granted = consumed,
                Committed = c.Stage == Stage.Recommended ? c.RecommendedAmount ?? 0 : 0L,
            }))
            .Select(g => new { PoolId = g.Key, Granted = g.Sum(x => x.Granted), Committed = g.Sum(x => x.Committed) })
            .ToDictionaryAsync(x => x.PoolId, ct);
        var paid = await PaidByPoolAsync(db, actor, year, ct);
        var totalWage = pools.Where(p => p.Kind == PoolKind.LocalFunds).Sum(p => p.WageSum ?? 0);

        return pools
            .Select(p =>
            {
                var s = sums.GetValueOrDefault(p.Id);
                return new PoolLine(p.Id, year, p.Kind, p.DepartmentId, p.DepartmentName, p.WageSum,
                    p.Kind == PoolKind.LocalFunds ? LocalFundsKey.Share(p.WageSum ?? 0, totalWage) : null,
                    p.Budget, s?.Granted ?? 0, s?.Committed ?? 0, paid.GetValueOrDefault(p.Id));
            })
            .OrderBy(p => p.Kind)
            .ThenBy(p => p.DepartmentName, StringComparer.Create(Money.Danish, false))
            .ToList();
    }

    /// <summary>
    /// The stages whose cases give the ledger's granted or committed figure above zero: those
    /// <see cref="PoolConsumption.Amount"/> counts, and Recommended for the committed sum. Reading only
    /// these is a range per stage of the (PoolId, Stage, …) index that covers the query, instead of every
    /// case of the year's pools (B5: about half of them, the rest give 0). Written out as constants so the
    /// SQL names them; <c>PoolLedgerStagesTests</c> holds it to the consumption formula for every stage.
    /// </summary>
    internal static readonly Expression<Func<InnovationCase, bool>> GivesAFigure = c =>
        c.Stage == Stage.Recommended || c.Stage == Stage.Granted || c.Stage == Stage.Implemented
        || c.Stage == Stage.Evaluated || c.Stage == Stage.Stopped;

    /// <summary>The cases behind the year's granted and committed figures, largest first.</summary>
    public async Task<IReadOnlyList<PoolEntry>> EntriesAsync(Actor actor, int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Cases.AsNoTracking().ListedFor(actor)
            .Where(c => c.Pool!.Year == year)
            .Where(c => c.Stage == Stage.Recommended || c.Stage == Stage.Granted || c.Stage == Stage.Implemented
                || c.Stage == Stage.Evaluated || c.Stage == Stage.Stopped)
            .Select(PoolConsumption.Project((c, consumed) => new PoolEntry(c.PoolId, c.CaseNumber, c.Title, c.Stage,
                consumed,
                c.Stage == Stage.Recommended ? c.RecommendedAmount ?? 0 : 0L,
                c.Payments.Sum(p => (long?)p.Amount) ?? 0)))
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.Granted + r.Committed).ThenBy(r => r.CaseNumber, StringComparer.Ordinal).ToList();
    }

    /// <summary>Payments out of the year's grants, per pool, of the cases the actor may see.</summary>
    private static async Task<Dictionary<int, long>> PaidByPoolAsync(AppDbContext db, Actor actor, int year, CancellationToken ct) =>
        await (from p in db.Payments
               join c in db.Cases.AsNoTracking().VisibleTo(actor).Where(c => c.Pool!.Year == year) on p.CaseId equals c.Id
               group p.Amount by c.PoolId into g
               select new { PoolId = g.Key, Paid = g.Sum() })
            .ToDictionaryAsync(x => x.PoolId, x => x.Paid, ct);
}
