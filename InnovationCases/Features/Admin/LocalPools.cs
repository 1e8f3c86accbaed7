using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Admin;

/// <summary>
/// Keeps the stored local pool budgets equal to the wage-sum key: after a changed local-funds total
/// (budgets) or a new department or wage sum (departments).
/// </summary>
internal static class LocalPools
{
    /// <summary>Rebalances every open budget year (this year and later): past years keep the budgets their grants were checked against.</summary>
    public static async Task<(List<string> Refusals, List<string> Changes)> RebalanceOpenYearsAsync(AppDbContext db, int currentYear, CancellationToken ct)
    {
        var departments = await db.Departments.ToListAsync(ct);
        var years = await db.BudgetYears.Include(y => y.Pools).Where(y => y.Year >= currentYear).OrderBy(y => y.Year).ToListAsync(ct);
        var refusals = new List<string>();
        var changes = new List<string>();
        foreach (var year in years)
        {
            var (r, c) = await RebalanceAsync(db, year, departments, ct);
            refusals.AddRange(r);
            changes.AddRange(c);
        }

        return (refusals, changes);
    }

    /// <summary>
    /// Sets every local pool of <paramref name="year"/> to the department's share of the key (creating
    /// missing pools). Returns a Danish refusal for each pool whose new budget would fall below what is
    /// already granted from it, and the changes for the audit entry.
    /// </summary>
    public static async Task<(List<string> Refusals, List<string> Changes)> RebalanceAsync(
        AppDbContext db, BudgetYear year, IReadOnlyList<Department> departments, CancellationToken ct)
    {
        var refusals = new List<string>();
        var changes = new List<string>();
        var shares = LocalFundsKey.Allocate(year.LocalFundsTotal, departments.Select(d => (d.Id, d.WageSum)).ToList());
        foreach (var d in departments.OrderBy(d => d.Id))
        {
            var allocation = shares[d.Id];
            var pool = year.Pools.SingleOrDefault(p => p.Kind == PoolKind.LocalFunds && p.DepartmentId == d.Id);
            if (pool is null)
            {
                year.Pools.Add(new Pool { Year = year.Year, Kind = PoolKind.LocalFunds, DepartmentId = d.Id, Budget = allocation });
                changes.Add(string.Format(AdminText.Audit_PoolBudget, year.Year, d.Name, Money.Format(0), Money.Format(allocation)));
                continue;
            }

            if (pool.Budget == allocation)
            {
                continue;
            }

            var granted = pool.Id == 0 ? 0 : await db.ConsumedAsync(pool.Id, ct);
            if (allocation < granted)
            {
                refusals.Add(string.Format(AdminText.Budget_LocalBelowGranted, d.Name, year.Year, Money.Format(allocation), Money.Format(granted)));
            }

            changes.Add(string.Format(AdminText.Audit_PoolBudget, year.Year, d.Name, Money.Format(pool.Budget), Money.Format(allocation)));
            pool.Budget = allocation;
        }

        return (refusals, changes);
    }
}
