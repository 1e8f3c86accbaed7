using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Admin;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Admin;

/// <summary>Budget years and pools (<see cref="BudgetAdmin"/>): each test gets its own app because they change the money.</summary>
public sealed class BudgetAdminTests : IAsyncLifetime
{
    private readonly TestApp _app = new(demoData: true);
    private AsyncServiceScope _scope;
    private Actor _admin = default!;
    private BudgetAdmin Admin => _scope.ServiceProvider.GetRequiredService<BudgetAdmin>();
    private DepartmentAdmin Departments => _scope.ServiceProvider.GetRequiredService<DepartmentAdmin>();

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
    public async Task Lowering_the_cross_cutting_budget_below_what_is_granted_is_refused_with_a_reason()
    {
        var year = await _app.LatestYearAsync();
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
        var year = await _app.LatestYearAsync();
        var allocation = (await Departments.GetDepartmentsAsync(_admin)).Departments.Single(d => d.Code == "MSO").Allocation;
        await Arrange.CaseAsync(_app, Stage.Granted, leadCode: "MSO", localFunds: true, requested: allocation, granted: allocation);
        var cross = (await Admin.GetBudgetYearsAsync(_admin)).Single(y => y.Year == year).CrossCuttingBudget;

        var result = await Admin.UpdateBudgetYearAsync(_admin, year, cross, 1_000_000);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("Sundhed og Omsorg"));
    }

    [Fact]
    public async Task Creating_a_budget_year_creates_its_pools_split_by_the_key()
    {
        var next = await _app.LatestYearAsync() + 1;

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
}
