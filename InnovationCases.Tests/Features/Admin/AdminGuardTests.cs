using InnovationCases.Domain;
using InnovationCases.Features.Admin;
using InnovationCases.Tests.Features.Account;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Admin;

/// <summary>Every admin service goes through <see cref="AdminGuard"/>: only an active administrator gets through.</summary>
public sealed class AdminGuardTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>, IAsyncLifetime
{
    private AsyncServiceScope _scope;
    private TestApp App => fixture.App;
    private UserAdmin Users => _scope.ServiceProvider.GetRequiredService<UserAdmin>();
    private DepartmentAdmin Departments => _scope.ServiceProvider.GetRequiredService<DepartmentAdmin>();
    private BudgetAdmin Budgets => _scope.ServiceProvider.GetRequiredService<BudgetAdmin>();
    private StarterSetupAdmin Starter => _scope.ServiceProvider.GetRequiredService<StarterSetupAdmin>();
    private AdminAudit Audit => _scope.ServiceProvider.GetRequiredService<AdminAudit>();

    public Task InitializeAsync()
    {
        _scope = App.AppServices.CreateAsyncScope();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    [Theory]
    [InlineData(DemoUsers.Caseworker)]
    [InlineData(DemoUsers.Director)]
    [InlineData(DemoUsers.Manager)]
    [InlineData(DemoUsers.Mbu)]
    public async Task Admin_services_refuse_non_admins_for_every_command_and_query(string email)
    {
        var actor = await App.ActorAsync(email);
        var auditBefore = await App.AuditCountAsync();
        var year = await App.LatestYearAsync();
        var mso = await App.DepartmentAsync("MSO");
        var target = await App.UserIdAsync(DemoUsers.Mso);

        AdminResult[] results =
        [
            await Users.CreateUserAsync(actor, UserAdminTests.NewUser("ny-" + Guid.NewGuid().ToString("N")[..8] + "@aarhus.example")),
            await Users.UpdateUserAsync(actor, target, new UserInput { DisplayName = "X", Role = Role.Admin }),
            await Users.SetActiveAsync(actor, target, active: false),
            await Users.ResetPasswordAsync(actor, target, "Ny-kode-2026!"),
            await Departments.CreateDepartmentAsync(actor, new DepartmentInput { Name = "Ny afdeling", Code = "NY", WageSum = 1 }),
            await Departments.UpdateDepartmentAsync(actor, mso.Id, new DepartmentInput { Name = mso.Name, Code = mso.Code, WageSum = 1 }),
            await Budgets.CreateBudgetYearAsync(actor, new BudgetYearInput { Year = 2099, CrossCuttingBudget = 1, LocalFundsTotal = 1 }),
            await Budgets.UpdateBudgetYearAsync(actor, year, 1, 1),
            await Starter.LoadStarterSetupAsync(actor, new Dictionary<string, long>()),
        ];

        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.All(results, r => Assert.Contains("systemadministrator", r.Errors.Single()));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Users.GetUsersAsync(actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Departments.GetDepartmentsAsync(actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Budgets.GetBudgetYearsAsync(actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Starter.IsEmptyInstallationAsync(actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Audit.GetAsync(actor));
        Assert.Equal(auditBefore, await App.AuditCountAsync());
        Assert.Equal(mso.WageSum, (await App.DepartmentAsync("MSO")).WageSum);
    }

    [Fact]
    public async Task A_forged_admin_actor_without_an_admin_user_behind_it_is_refused()
    {
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var forged = caseworker with { Role = Role.Admin };

        var result = await Departments.CreateDepartmentAsync(forged, new DepartmentInput { Name = "Falsk", Code = "FALSK", WageSum = 1 });

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task The_admin_reads_the_audit_log_newest_first()
    {
        var admin = await App.ActorAsync(DemoUsers.Admin);
        Assert.True((await Users.CreateUserAsync(admin, UserAdminTests.NewUser("revision@aarhus.example"))).Succeeded);

        var entries = await Audit.GetAsync(admin);

        Assert.Equal("revision@aarhus.example", entries[0].EntityKey);
        Assert.Equal(entries.OrderByDescending(e => e.Id).Select(e => e.Id), entries.Select(e => e.Id));
    }
}
