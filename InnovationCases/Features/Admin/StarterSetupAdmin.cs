using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Admin;

/// <summary>The one-step set-up of a new, empty installation (<see cref="StarterSetup"/>).</summary>
public sealed class StarterSetupAdmin(AdminGuard guard, AdminAudit audit, TimeProvider clock)
{
    /// <summary>True while there are no departments and no budget years: the moment to offer the starter set-up.</summary>
    public async Task<bool> IsEmptyInstallationAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await guard.OpenReadAsync(actor, ct);
        return !await db.Departments.AnyAsync(ct) && !await db.BudgetYears.AnyAsync(ct);
    }

    /// <summary>
    /// Loads <see cref="StarterSetup"/> in one step: the six departments with the wage sums the admin
    /// entered (by department code) and this year's budget year with both pools. Only into an empty
    /// installation; no demo cases, no demo accounts. Each department and the budget year is audited.
    /// </summary>
    public Task<AdminResult> LoadStarterSetupAsync(Actor actor, IReadOnlyDictionary<string, long> wageSums, CancellationToken ct = default) =>
        guard.WriteAsync(actor, async db =>
        {
            if (await db.Departments.AnyAsync(ct) || await db.BudgetYears.AnyAsync(ct))
            {
                return AdminResult.Refused(AdminText.Setup_NotEmpty);
            }

            var errors = StarterSetup.Departments
                .Where(d => wageSums.GetValueOrDefault(d.Code) < 0)
                .Select(d => string.Format(AdminText.Setup_WageSumNegative, d.Name))
                .ToList();
            if (errors.Count > 0)
            {
                return AdminResult.Refused(errors);
            }

            var departments = StarterSetup.Departments
                .Select(d => new Department { Code = d.Code, Name = d.Name, WageSum = wageSums.GetValueOrDefault(d.Code) })
                .ToList();
            db.Departments.AddRange(departments);
            await db.SaveChangesAsync(ct);

            var year = DanishTime.Today(clock.GetUtcNow()).Year;
            db.BudgetYears.Add(StarterSetup.CreateBudgetYear(year, departments));
            foreach (var d in departments)
            {
                audit.Record(db, actor, AuditEntity.Department, d.Code, string.Format(AdminText.Audit_DepartmentCreated, d.Name, Money.Format(d.WageSum)));
            }

            audit.Record(db, actor, AuditEntity.BudgetYear, year.ToString(Money.Danish), string.Format(AdminText.Audit_BudgetYearCreated,
                Money.Format(StarterSetup.CrossCuttingBudget), Money.Format(StarterSetup.LocalFundsTotal)));
            await db.SaveChangesAsync(ct);
            return AdminResult.Ok;
        }, ct);
}
