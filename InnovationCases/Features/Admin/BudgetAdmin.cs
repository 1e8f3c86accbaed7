using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Admin;

/// <summary>
/// Budget years and their pools: the cross-cutting pool and one local pool per department, split by
/// the wage-sum key. Every command is guarded by <see cref="AdminGuard"/> and audited in its transaction.
/// </summary>
public sealed class BudgetAdmin(AdminGuard guard, AdminAudit audit, TimeProvider clock)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>Budget years, newest first, with each pool's budget and what is granted from it.</summary>
    public async Task<IReadOnlyList<BudgetYearRow>> GetBudgetYearsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await guard.OpenReadAsync(actor, ct);
        var years = await db.BudgetYears.AsNoTracking().Include(y => y.Pools).ThenInclude(p => p.Department)
            .OrderByDescending(y => y.Year).ToListAsync(ct);
        var rows = new List<BudgetYearRow>();
        foreach (var y in years)
        {
            var pools = new List<PoolRow>();
            foreach (var p in y.Pools.OrderBy(p => p.Kind).ThenBy(p => p.Department?.Name, StringComparer.Create(Money.Danish, true)))
            {
                pools.Add(new PoolRow(p.Id, p.Kind, p.Department?.Name, p.Budget, await db.ConsumedAsync(p.Id, ct)));
            }

            rows.Add(new BudgetYearRow(y.Year, y.CrossCuttingBudget, y.LocalFundsTotal, IsOpen(y.Year), pools));
        }

        return rows;
    }

    /// <summary>Creates a budget year with its cross-cutting pool and one local pool per department, split by the wage-sum key.</summary>
    public Task<AdminResult> CreateBudgetYearAsync(Actor actor, BudgetYearInput input, CancellationToken ct = default) =>
        guard.WriteAsync(actor, async db =>
        {
            var errors = ValidateBudgets(input.CrossCuttingBudget, input.LocalFundsTotal);
            if (input.Year is < MinYear or > MaxYear)
            {
                errors.Insert(0, string.Format(AdminText.Budget_YearRange, MinYear, MaxYear));
            }
            else if (await db.BudgetYears.AnyAsync(y => y.Year == input.Year, ct))
            {
                errors.Insert(0, string.Format(AdminText.Budget_YearExists, input.Year));
            }

            if (errors.Count > 0)
            {
                return AdminResult.Refused(errors);
            }

            var departments = await db.Departments.OrderBy(d => d.Id).ToListAsync(ct);
            var shares = LocalFundsKey.Allocate(input.LocalFundsTotal, departments.Select(d => (d.Id, d.WageSum)).ToList());
            var year = new BudgetYear { Year = input.Year, CrossCuttingBudget = input.CrossCuttingBudget, LocalFundsTotal = input.LocalFundsTotal };
            year.Pools.Add(new Pool { Year = input.Year, Kind = PoolKind.CrossCutting, Budget = input.CrossCuttingBudget });
            foreach (var d in departments)
            {
                year.Pools.Add(new Pool { Year = input.Year, Kind = PoolKind.LocalFunds, DepartmentId = d.Id, Budget = shares[d.Id] });
            }

            db.BudgetYears.Add(year);
            audit.Record(db, actor, AuditEntity.BudgetYear, input.Year.ToString(Money.Danish), string.Format(AdminText.Audit_BudgetYearCreated,
                Money.Format(input.CrossCuttingBudget), Money.Format(input.LocalFundsTotal)));
            await db.SaveChangesAsync(ct);
            return AdminResult.Ok;
        }, ct);

    /// <summary>
    /// Changes a year's cross-cutting budget and local-funds total. Refused when a pool would end
    /// below what is already granted from it.
    /// </summary>
    public Task<AdminResult> UpdateBudgetYearAsync(Actor actor, int yearNumber, long crossCutting, long localTotal, CancellationToken ct = default) =>
        guard.WriteAsync(actor, async db =>
        {
            var year = await db.BudgetYears.Include(y => y.Pools).SingleOrDefaultAsync(y => y.Year == yearNumber, ct);
            if (year is null)
            {
                return AdminResult.Refused(AdminText.Budget_NotFound);
            }

            var errors = ValidateBudgets(crossCutting, localTotal);
            if (errors.Count > 0)
            {
                return AdminResult.Refused(errors);
            }

            var changes = new List<string>();
            if (crossCutting != year.CrossCuttingBudget)
            {
                var pool = year.Pools.SingleOrDefault(p => p.Kind == PoolKind.CrossCutting);
                if (pool is null)
                {
                    pool = new Pool { Year = year.Year, Kind = PoolKind.CrossCutting };
                    year.Pools.Add(pool);
                }
                else
                {
                    var granted = await db.ConsumedAsync(pool.Id, ct);
                    if (crossCutting < granted)
                    {
                        errors.Add(string.Format(AdminText.Budget_CrossCuttingBelowGranted, Money.Format(crossCutting), Money.Format(granted)));
                    }
                }

                pool.Budget = crossCutting;
                changes.Add(string.Format(AdminText.Audit_Field, AdminText.Budget_CrossCutting, Money.Format(year.CrossCuttingBudget), Money.Format(crossCutting)));
                year.CrossCuttingBudget = crossCutting;
            }

            if (localTotal != year.LocalFundsTotal)
            {
                changes.Add(string.Format(AdminText.Audit_Field, AdminText.Budget_LocalTotal, Money.Format(year.LocalFundsTotal), Money.Format(localTotal)));
                year.LocalFundsTotal = localTotal;
                var departments = await db.Departments.ToListAsync(ct);
                var (refusals, poolChanges) = await LocalPools.RebalanceAsync(db, year, departments, ct);
                errors.AddRange(refusals);
                changes.AddRange(poolChanges);
            }

            if (errors.Count > 0)
            {
                return AdminResult.Refused(errors);
            }

            if (changes.Count == 0)
            {
                return AdminResult.Ok;
            }

            audit.Record(db, actor, AuditEntity.BudgetYear, year.Year.ToString(Money.Danish), string.Join("; ", changes));
            await db.SaveChangesAsync(ct);
            return AdminResult.Ok;
        }, ct);

    /// <summary>Past budget years are history: their grants were checked against the budgets they had.</summary>
    private bool IsOpen(int year) => year >= DanishTime.Today(clock.GetUtcNow()).Year;

    private static List<string> ValidateBudgets(long crossCutting, long localTotal)
    {
        var errors = new List<string>();
        if (crossCutting < 0)
        {
            errors.Add(AdminText.Budget_CrossCuttingNegative);
        }

        if (localTotal < 0)
        {
            errors.Add(AdminText.Budget_LocalNegative);
        }

        return errors;
    }
}
