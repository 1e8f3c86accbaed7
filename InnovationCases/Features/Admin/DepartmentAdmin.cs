using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Admin;

/// <summary>
/// Departments and their wage sums, which make the local-funds key. Every command is guarded by
/// <see cref="AdminGuard"/> and audited in its transaction; names and codes are cleaned with
/// <see cref="Text.Clean"/> before they are checked and stored.
/// </summary>
public sealed class DepartmentAdmin(AdminGuard guard, AdminAudit audit, TimeProvider clock)
{
    public const int DepartmentCodeMax = 10;

    /// <summary>The departments with the local-funds key and their allocations in the newest budget year.</summary>
    public async Task<DepartmentsOverview> GetDepartmentsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await guard.OpenReadAsync(actor, ct);
        var departments = await db.Departments.AsNoTracking().ToListAsync(ct);
        var year = await db.BudgetYears.AsNoTracking().Include(y => y.Pools).OrderByDescending(y => y.Year).FirstOrDefaultAsync(ct);
        var total = departments.Sum(d => d.WageSum);
        var localTotal = year?.LocalFundsTotal ?? 0;
        var shares = LocalFundsKey.Allocate(localTotal, departments.Select(d => (d.Id, d.WageSum)).ToList());
        var rows = new List<DepartmentRow>();
        foreach (var d in departments.OrderBy(d => d.Name, StringComparer.Create(Money.Danish, true)))
        {
            var pool = year?.Pools.SingleOrDefault(p => p.Kind == PoolKind.LocalFunds && p.DepartmentId == d.Id);
            var granted = pool is null ? 0 : await db.ConsumedAsync(pool.Id, ct);
            rows.Add(new DepartmentRow(d.Id, d.Name, d.Code, d.WageSum, LocalFundsKey.Share(d.WageSum, total), shares[d.Id], granted));
        }

        return new DepartmentsOverview(year?.Year, localTotal, total, rows);
    }

    /// <summary>Creates a department; it gets a local pool in every open budget year, and the key is recomputed.</summary>
    public async Task<AdminResult> CreateDepartmentAsync(Actor actor, DepartmentInput input, CancellationToken ct = default)
    {
        try
        {
            return await guard.WriteAsync(actor, db => CreateDepartmentAsync(db, actor, input, ct), ct);
        }
        catch (RefusedException e)
        {
            return AdminResult.Refused(e.Reasons);
        }
    }

    private async Task<AdminResult> CreateDepartmentAsync(AppDbContext db, Actor actor, DepartmentInput input, CancellationToken ct)
    {
        var errors = await ValidateDepartmentAsync(db, input, null, ct);
        if (errors.Count > 0)
        {
            return AdminResult.Refused(errors);
        }

        var department = new Department { Name = CleanName(input), Code = CleanCode(input), WageSum = input.WageSum };
        db.Departments.Add(department);
        await db.SaveChangesAsync(ct);

        var (refusals, poolChanges) = await LocalPools.RebalanceOpenYearsAsync(db, DanishTime.Today(clock.GetUtcNow()).Year, ct);
        if (refusals.Count > 0)
        {
            // The department is saved already (its pools need its id): throwing rolls the transaction back.
            throw new RefusedException(refusals);
        }

        audit.Record(db, actor, AuditEntity.Department, department.Code, string.Join("; ",
            [string.Format(AdminText.Audit_DepartmentCreated, department.Name, Money.Format(department.WageSum)), .. poolChanges]));
        await db.SaveChangesAsync(ct);
        return AdminResult.Ok;
    }

    /// <summary>
    /// Changes a department's name, code and wage sum. A changed wage sum changes the key, so the
    /// stored local pool budgets of open budget years are recomputed; refused if a department's new
    /// allocation would fall below what is already granted from its pool.
    /// </summary>
    public Task<AdminResult> UpdateDepartmentAsync(Actor actor, int departmentId, DepartmentInput input, CancellationToken ct = default) =>
        guard.WriteAsync(actor, async db =>
        {
            var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == departmentId, ct);
            if (department is null)
            {
                return AdminResult.Refused(AdminText.Department_NotFound);
            }

            var errors = await ValidateDepartmentAsync(db, input, departmentId, ct);
            if (errors.Count > 0)
            {
                return AdminResult.Refused(errors);
            }

            var changes = new List<string>();
            var name = CleanName(input);
            var code = CleanCode(input);
            if (name != department.Name)
            {
                changes.Add(string.Format(AdminText.Audit_Field, AdminText.Department_Name, department.Name, name));
                department.Name = name;
            }

            if (code != department.Code)
            {
                changes.Add(string.Format(AdminText.Audit_Field, AdminText.Department_Code, department.Code, code));
                department.Code = code;
            }

            if (input.WageSum != department.WageSum)
            {
                changes.Add(string.Format(AdminText.Audit_Field, AdminText.Department_WageSum, Money.Format(department.WageSum), Money.Format(input.WageSum)));
                department.WageSum = input.WageSum;
                var (refusals, poolChanges) = await LocalPools.RebalanceOpenYearsAsync(db, DanishTime.Today(clock.GetUtcNow()).Year, ct);
                if (refusals.Count > 0)
                {
                    return AdminResult.Refused(refusals);
                }

                changes.AddRange(poolChanges);
            }

            if (changes.Count == 0)
            {
                return AdminResult.Ok;
            }

            audit.Record(db, actor, AuditEntity.Department, department.Code, string.Join("; ", changes));
            await db.SaveChangesAsync(ct);
            return AdminResult.Ok;
        }, ct);

    private static async Task<List<string>> ValidateDepartmentAsync(AppDbContext db, DepartmentInput input, int? existingId, CancellationToken ct)
    {
        var errors = new List<string>();
        var name = CleanName(input);
        var code = CleanCode(input);
        if (name.Length == 0)
        {
            errors.Add(AdminText.Department_NameRequired);
        }
        else if (name.Length > Limits.DepartmentNameMax)
        {
            errors.Add(string.Format(AdminText.Department_NameTooLong, Limits.DepartmentNameMax));
        }
        else if (await db.Departments.AnyAsync(d => d.Name == name && d.Id != existingId, ct))
        {
            errors.Add(string.Format(AdminText.Department_NameTaken, name));
        }

        if (code.Length == 0)
        {
            errors.Add(AdminText.Department_CodeRequired);
        }
        else if (code.Length > DepartmentCodeMax)
        {
            errors.Add(string.Format(AdminText.Department_CodeTooLong, DepartmentCodeMax));
        }
        else if (await db.Departments.AnyAsync(d => d.Code == code && d.Id != existingId, ct))
        {
            errors.Add(string.Format(AdminText.Department_CodeTaken, code));
        }

        if (input.WageSum < 0)
        {
            errors.Add(AdminText.Department_WageSumNegative);
        }

        return errors;
    }

    private static string CleanName(DepartmentInput input) => Text.Clean(input.Name);

    private static string CleanCode(DepartmentInput input) => Text.Clean(input.Code).ToUpperInvariant();
}
