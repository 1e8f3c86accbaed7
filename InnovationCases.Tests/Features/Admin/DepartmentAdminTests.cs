using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Admin;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Admin;

/// <summary>Departments and the wage-sum key (<see cref="DepartmentAdmin"/>): each test gets its own app because they change the money.</summary>
public sealed class DepartmentAdminTests : IAsyncLifetime
{
    private readonly TestApp _app = new(demoData: true);
    private AsyncServiceScope _scope;
    private Actor _admin = default!;
    private DepartmentAdmin Admin => _scope.ServiceProvider.GetRequiredService<DepartmentAdmin>();

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
        var mkb = await _app.DepartmentAsync("MKB");

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
        var mtm = await _app.DepartmentAsync("MTM");
        var year = await _app.LatestYearAsync();
        var allocation = (await Admin.GetDepartmentsAsync(_admin)).Departments.Single(d => d.Code == "MTM").Allocation;
        await Arrange.CaseAsync(_app, Stage.Granted, leadCode: "MTM", localFunds: true, requested: allocation, granted: allocation);
        var auditBefore = await _app.AuditCountAsync();

        var result = await Admin.UpdateDepartmentAsync(_admin, mtm.Id, new DepartmentInput { Name = mtm.Name, Code = mtm.Code, WageSum = mtm.WageSum / 2 });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("Teknik og Miljø") && e.Contains("allerede bevilget"));
        Assert.Equal(mtm.WageSum, (await _app.DepartmentAsync("MTM")).WageSum);
        await using var db = await _app.DbAsync();
        Assert.Equal(allocation, (await db.Pools.SingleAsync(p => p.Year == year && p.DepartmentId == mtm.Id)).Budget);
        Assert.Equal(auditBefore, await _app.AuditCountAsync());
    }

    [Fact]
    public async Task A_new_department_gets_a_local_pool_in_open_years_and_the_key_includes_it()
    {
        var result = await Admin.CreateDepartmentAsync(_admin, new DepartmentInput { Name = "Digitaliseringsenheden", Code = "dig", WageSum = 100_000_000 });

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using var db = await _app.DbAsync();
        var dig = await db.Departments.SingleAsync(d => d.Code == "DIG");
        var year = await _app.LatestYearAsync();
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
    public async Task A_department_name_is_cleaned_of_direction_overrides_before_it_is_stored()
    {
        using var app = AdminTestData.EmptyInstallation();
        var admin = await app.ActorAsync(AdminTestData.BootstrapAdmin);
        await using var scope = app.AppServices.CreateAsyncScope();
        var departments = scope.ServiceProvider.GetRequiredService<DepartmentAdmin>();

        var result = await departments.CreateDepartmentAsync(admin, new DepartmentInput { Name = "Sundhed\u202E og Omsorg", Code = "MSO\u0000", WageSum = 1 });

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var stored = await app.DepartmentAsync("MSO");
        Assert.Equal("Sundhed og Omsorg", stored.Name);
        Assert.Contains("Sundhed og Omsorg", (await app.LastAuditAsync()).Change);
    }

    [Fact]
    public async Task A_name_that_differs_only_by_invisible_characters_is_taken_already()
    {
        var result = await Admin.CreateDepartmentAsync(_admin, new DepartmentInput { Name = "Sundhed\u202E og Omsorg", Code = "MSO2", WageSum = 1 });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("Sundhed og Omsorg"));
        await using var db = await _app.DbAsync();
        Assert.Equal(1, await db.Departments.CountAsync(d => d.Name.StartsWith("Sundhed")));
    }
}
