using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Admin;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Admin;

/// <summary>Departments, the wage-sum key and budgets: each test gets its own app because they change the money.</summary>
public sealed class BudgetAdminTests : IAsyncLifetime
{
    private readonly TestApp _app = new(demoData: true);
    private AsyncServiceScope _scope;
    private Actor _admin = default!;
    private AdminService Admin => _scope.ServiceProvider.GetRequiredService<AdminService>();

    public async Task InitializeAsync()
    {
        _scope = _app.AppServices.CreateAsyncScope();
        _admin = await _app.ActorAsync(DemoUsers.Admin);
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        _app.Dispose();
    }

    [Fact]
    public async Task The_departments_overview_shows_the_key_and_allocations_adding_up_to_the_local_total()
    {
        var overview = await Admin.GetDepartmentsAsync(_admin);

        Assert.Equal(6, overview.Departments.Count);
        Assert.Equal(overview.LocalFundsTotal, overview.Departments.Sum(d => d.Allocation));
        Assert.Equal(1m, decimal.Round(overview.Departments.Sum(d => d.Share), 12));
        var mbu = overview.Departments.Single(d => d.Code == "MBU");
        Assert.Equal(LocalFundsKey.Allocate(overview.LocalFundsTotal, overview.Departments.Select(d => (d.Id, d.WageSum)).ToList())[mbu.Id], mbu.Allocation);
    }

    [Fact]
    public async Task Changing_a_wage_sum_recomputes_the_stored_local_pool_budgets_of_open_years()
    {
        var mkb = await DepartmentAsync("MKB");

        var result = await Admin.UpdateDepartmentAsync(_admin, mkb.Id, new DepartmentInput { Name = mkb.Name, Code = mkb.Code, WageSum = mkb.WageSum * 3 });

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using var db = await _app.DbAsync();
        var year = await db.BudgetYears.Include(y => y.Pools).OrderByDescending(y => y.Year).FirstAsync();
        var departments = await db.Departments.ToListAsync();
        var expected = LocalFundsKey.Allocate(year.LocalFundsTotal, departments.Select(d => (d.Id, d.WageSum)).ToList());
        foreach (var pool in year.Pools.Where(p => p.Kind == PoolKind.LocalFunds))
        {
            Assert.Equal(expected[pool.DepartmentId!.Value], pool.Budget);
        }

        var entry = await db.AdminAudit.OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal((AuditEntity.Department, "MKB"), (entry.Entity, entry.EntityKey));
        Assert.Contains("Lønsum", entry.Change);
    }

    [Fact]
    public async Task A_wage_sum_change_that_takes_a_department_below_what_it_has_granted_is_refused()
    {
        var mtm = await DepartmentAsync("MTM");
        var year = await LatestYearAsync();
        var allocation = (await Admin.GetDepartmentsAsync(_admin)).Departments.Single(d => d.Code == "MTM").Allocation;
        await Arrange.CaseAsync(_app, Stage.Granted, leadCode: "MTM", localFunds: true, requested: allocation, granted: allocation);
        var auditBefore = await AuditCountAsync();

        var result = await Admin.UpdateDepartmentAsync(_admin, mtm.Id, new DepartmentInput { Name = mtm.Name, Code = mtm.Code, WageSum = mtm.WageSum / 2 });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("Teknik og Miljø") && e.Contains("allerede bevilget"));
        Assert.Equal(mtm.WageSum, (await DepartmentAsync("MTM")).WageSum);
        await using var db = await _app.DbAsync();
        Assert.Equal(allocation, (await db.Pools.SingleAsync(p => p.Year == year && p.DepartmentId == mtm.Id)).Budget);
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task A_new_department_gets_a_local_pool_in_open_years_and_the_key_includes_it()
    {
        var result = await Admin.CreateDepartmentAsync(_admin, new DepartmentInput { Name = "Digitaliseringsenheden", Code = "dig", WageSum = 100_000_000 });

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using var db = await _app.DbAsync();
        var dig = await db.Departments.SingleAsync(d => d.Code == "DIG");
        var year = await LatestYearAsync();
        var pool = await db.Pools.SingleAsync(p => p.Year == year && p.DepartmentId == dig.Id);
        Assert.True(pool.Budget > 0);
        var local = await db.Pools.Where(p => p.Year == year && p.Kind == PoolKind.LocalFunds).SumAsync(p => p.Budget);
        Assert.Equal((await db.BudgetYears.SingleAsync(y => y.Year == year)).LocalFundsTotal, local);
    }

    [Fact]
    public async Task Department_code_must_be_unique()
    {
        var result = await Admin.CreateDepartmentAsync(_admin, new DepartmentInput { Name = "Endnu en", Code = "MBU", WageSum = 1 });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("MBU"));
    }

    [Fact]
    public async Task Lowering_the_cross_cutting_budget_below_what_is_granted_is_refused_with_a_reason()
    {
        var year = await LatestYearAsync();
        await Arrange.CaseAsync(_app, Stage.Granted, leadCode: "BA", requested: 900_000, granted: 900_000);
        long granted;
        await using (var db = await _app.DbAsync())
        {
            granted = await db.ConsumedAsync((await db.Pools.SingleAsync(p => p.Year == year && p.Kind == PoolKind.CrossCutting)).Id);
        }

        var local = (await Admin.GetBudgetYearsAsync(_admin)).Single(y => y.Year == year).LocalFundsTotal;
        var below = await Admin.UpdateBudgetYearAsync(_admin, year, granted - 1, local);
        var exactly = await Admin.UpdateBudgetYearAsync(_admin, year, granted, local);

        Assert.False(below.Succeeded);
        Assert.Contains(below.Errors, e => e.Contains("allerede bevilget"));
        Assert.True(exactly.Succeeded, string.Join(" ", exactly.Errors));
        await using var after = await _app.DbAsync();
        Assert.Equal(granted, (await after.Pools.SingleAsync(p => p.Year == year && p.Kind == PoolKind.CrossCutting)).Budget);
        Assert.Equal(granted, (await after.BudgetYears.SingleAsync(y => y.Year == year)).CrossCuttingBudget);
    }

    [Fact]
    public async Task Lowering_the_local_funds_total_below_a_departments_grants_is_refused()
    {
        var year = await LatestYearAsync();
        var allocation = (await Admin.GetDepartmentsAsync(_admin)).Departments.Single(d => d.Code == "MSO").Allocation;
        await Arrange.CaseAsync(_app, Stage.Granted, leadCode: "MSO", localFunds: true, requested: allocation, granted: allocation);
        var cross = (await Admin.GetBudgetYearsAsync(_admin)).Single(y => y.Year == year).CrossCuttingBudget;

        var result = await Admin.UpdateBudgetYearAsync(_admin, year, cross, 1_000_000);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("Sundhed og Omsorg"));
    }

    [Fact]
    public async Task Creating_a_budget_year_creates_its_pools_split_by_the_key()
    {
        var next = await LatestYearAsync() + 1;

        var result = await Admin.CreateBudgetYearAsync(_admin, new BudgetYearInput { Year = next, CrossCuttingBudget = 30_000_000, LocalFundsTotal = 10_000_000 });
        var again = await Admin.CreateBudgetYearAsync(_admin, new BudgetYearInput { Year = next, CrossCuttingBudget = 1, LocalFundsTotal = 1 });

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.False(again.Succeeded);
        await using var db = await _app.DbAsync();
        var pools = await db.Pools.Where(p => p.Year == next).ToListAsync();
        Assert.Equal(30_000_000, pools.Single(p => p.Kind == PoolKind.CrossCutting).Budget);
        Assert.Equal(await db.Departments.CountAsync(), pools.Count(p => p.Kind == PoolKind.LocalFunds));
        Assert.Equal(10_000_000, pools.Where(p => p.Kind == PoolKind.LocalFunds).Sum(p => p.Budget));
        Assert.Equal(AuditEntity.BudgetYear, (await db.AdminAudit.OrderByDescending(a => a.Id).FirstAsync()).Entity);
    }

    private async Task<Department> DepartmentAsync(string code)
    {
        await using var db = await _app.DbAsync();
        return await db.Departments.SingleAsync(d => d.Code == code);
    }

    private async Task<int> LatestYearAsync()
    {
        await using var db = await _app.DbAsync();
        return await db.BudgetYears.MaxAsync(y => y.Year);
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = await _app.DbAsync();
        return await db.AdminAudit.CountAsync();
    }
}
