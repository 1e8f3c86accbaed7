using InnovationCases.Domain;
using InnovationCases.Features.Admin;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Admin;

/// <summary>A first start in production: the bootstrap admin loads the seed's set-up in one step (<see cref="StarterSetupAdmin"/>).</summary>
public sealed class StarterSetupAdminTests
{
    private static Dictionary<string, long> WageSums() => StarterSetup.Departments.ToDictionary(d => d.Code, _ => 1_000_000_000L);

    [Fact]
    public async Task An_empty_installation_gets_six_departments_and_this_years_pools_split_by_the_wage_sums_and_audited()
    {
        using var app = AdminTestData.EmptyInstallation();
        var admin = await app.ActorAsync(AdminTestData.BootstrapAdmin);
        var service = app.AppServices.GetRequiredService<StarterSetupAdmin>();
        Assert.True(await service.IsEmptyInstallationAsync(admin));
        var wageSums = WageSums();
        wageSums["MBU"] = 5_000_000_000;

        var result = await service.LoadStarterSetupAsync(admin, wageSums);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        Assert.False(await service.IsEmptyInstallationAsync(admin));
        await using var db = await app.DbAsync();
        var departments = await db.Departments.ToListAsync();
        Assert.Equal(StarterSetup.Departments.Select(d => d.Name).Order(), departments.Select(d => d.Name).Order());
        var year = await db.BudgetYears.Include(y => y.Pools).SingleAsync();
        Assert.Equal((DateTime.UtcNow.Year, 30_000_000L, 10_000_000L), (year.Year, year.CrossCuttingBudget, year.LocalFundsTotal));
        Assert.Equal(30_000_000, year.Pools.Single(p => p.Kind == PoolKind.CrossCutting).Budget);
        var local = year.Pools.Where(p => p.Kind == PoolKind.LocalFunds).ToDictionary(p => departments.Single(d => d.Id == p.DepartmentId).Code, p => p.Budget);
        Assert.Equal(10_000_000, local.Values.Sum());
        Assert.Equal(5_000_000, local["MBU"]);
        Assert.Equal(1_000_000, local["BA"]);
        Assert.Equal(7, await db.AdminAudit.CountAsync(a => a.ActorUserId == admin.UserId));
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task The_starter_setup_is_refused_once_departments_exist()
    {
        using var app = AdminTestData.EmptyInstallation();
        var admin = await app.ActorAsync(AdminTestData.BootstrapAdmin);
        var service = app.AppServices.GetRequiredService<StarterSetupAdmin>();
        Assert.True((await service.LoadStarterSetupAsync(admin, WageSums())).Succeeded);

        var again = await service.LoadStarterSetupAsync(admin, WageSums());

        Assert.Equal([AdminTextSetupNotEmpty], again.Errors);
        await using var db = await app.DbAsync();
        Assert.Equal(6, await db.Departments.CountAsync());
    }

    [Fact]
    public async Task A_negative_wage_sum_or_a_non_admin_is_refused_and_nothing_is_stored()
    {
        using var app = AdminTestData.EmptyInstallation();
        var admin = await app.ActorAsync(AdminTestData.BootstrapAdmin);
        var service = app.AppServices.GetRequiredService<StarterSetupAdmin>();
        var wageSums = WageSums();
        wageSums["MKB"] = -1;

        var negative = await service.LoadStarterSetupAsync(admin, wageSums);
        var notAdmin = await service.LoadStarterSetupAsync(admin with { Role = Role.Manager }, WageSums());

        Assert.Equal(["Lønsummen for Kultur og Borgerservice kan ikke være negativ."], negative.Errors);
        Assert.False(notAdmin.Succeeded);
        Assert.True(await service.IsEmptyInstallationAsync(admin));
    }

    private static string AdminTextSetupNotEmpty => InnovationCases.Resources.AdminText.Setup_NotEmpty;
}
