using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Admin;
using InnovationCases.Tests.Features.Account;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Admin;

/// <summary>Service level: what the admin service stores, refuses and audits.</summary>
public sealed class AdminServiceTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>, IAsyncLifetime
{
    private AsyncServiceScope _scope;
    private TestApp App => fixture.App;
    private AdminService Admin => _scope.ServiceProvider.GetRequiredService<AdminService>();

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
    public async Task Admin_service_refuses_non_admins_for_every_command_and_query(string email)
    {
        var actor = await App.ActorAsync(email);
        var auditBefore = await AuditCountAsync();
        var year = await LatestYearAsync();
        var mso = await DepartmentAsync("MSO");
        var target = await UserIdAsync(DemoUsers.Mso);

        AdminResult[] results =
        [
            await Admin.CreateUserAsync(actor, NewUser("ny-" + Guid.NewGuid().ToString("N")[..8] + "@aarhus.example")),
            await Admin.UpdateUserAsync(actor, target, new UserInput { DisplayName = "X", Role = Role.Admin }),
            await Admin.SetActiveAsync(actor, target, active: false),
            await Admin.ResetPasswordAsync(actor, target, "Ny-kode-2026!"),
            await Admin.CreateDepartmentAsync(actor, new DepartmentInput { Name = "Ny afdeling", Code = "NY", WageSum = 1 }),
            await Admin.UpdateDepartmentAsync(actor, mso.Id, new DepartmentInput { Name = mso.Name, Code = mso.Code, WageSum = 1 }),
            await Admin.CreateBudgetYearAsync(actor, new BudgetYearInput { Year = 2099, CrossCuttingBudget = 1, LocalFundsTotal = 1 }),
            await Admin.UpdateBudgetYearAsync(actor, year.Year, 1, 1),
        ];

        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.All(results, r => Assert.Contains("systemadministrator", r.Errors.Single()));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Admin.GetUsersAsync(actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Admin.GetDepartmentsAsync(actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Admin.GetBudgetYearsAsync(actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Admin.GetAuditAsync(actor));
        Assert.Equal(auditBefore, await AuditCountAsync());
        Assert.Equal(mso.WageSum, (await DepartmentAsync("MSO")).WageSum);
    }

    [Fact]
    public async Task A_forged_admin_actor_without_an_admin_user_behind_it_is_refused()
    {
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var forged = caseworker with { Role = Role.Admin };

        var result = await Admin.CreateDepartmentAsync(forged, new DepartmentInput { Name = "Falsk", Code = "FALSK", WageSum = 1 });

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Admin_creates_a_user_who_can_sign_in_and_the_change_is_audited()
    {
        var admin = await App.ActorAsync(DemoUsers.Admin);
        var email = "ny.medarbejder@aarhus.example";
        var mbu = await DepartmentAsync("MBU");

        var result = await Admin.CreateUserAsync(admin, NewUser(email, Role.DepartmentStaff, mbu.Id));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var users = _scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.Equal((Role.DepartmentStaff, mbu.Id), (user.Role, user.DepartmentId));
        Assert.True(await users.CheckPasswordAsync(user, "Start-kode-2026"));
        var entry = await LastAuditAsync();
        Assert.Equal((AuditEntity.User, email, admin.UserId), (entry.Entity, entry.EntityKey, entry.ActorUserId));
        Assert.Contains("Medarbejder i afdeling", entry.Change);
    }

    [Fact]
    public async Task Creating_a_user_refuses_invalid_input_with_danish_reasons_and_stores_nothing()
    {
        var admin = await App.ActorAsync(DemoUsers.Admin);
        var before = await AuditCountAsync();

        var duplicate = await Admin.CreateUserAsync(admin, NewUser(DemoUsers.Mbu));
        var noDepartment = await Admin.CreateUserAsync(admin, NewUser("uden.afdeling@aarhus.example", Role.DepartmentStaff));
        var weakInput = NewUser("svag@aarhus.example");
        weakInput.Password = "kort";
        var weak = await Admin.CreateUserAsync(admin, weakInput);

        Assert.Contains(duplicate.Errors, e => e.Contains("findes allerede"));
        Assert.Contains(noDepartment.Errors, e => e.Contains("skal have en afdeling"));
        Assert.Contains(weak.Errors, e => e.Contains("mindst 10 tegn"));
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task Deactivating_a_user_renews_the_security_stamp_and_reactivating_restores_access()
    {
        var admin = await App.ActorAsync(DemoUsers.Admin);
        var email = "skal.deaktiveres@aarhus.example";
        Assert.True((await Admin.CreateUserAsync(admin, NewUser(email))).Succeeded);
        var id = await UserIdAsync(email);
        var stamp = await StampAsync(id);

        var off = await Admin.SetActiveAsync(admin, id, active: false);

        Assert.True(off.Succeeded);
        Assert.NotEqual(stamp, await StampAsync(id));
        await using (var db = await App.DbAsync())
        {
            Assert.False((await db.Users.SingleAsync(u => u.Id == id)).IsActive);
        }

        Assert.True((await Admin.SetActiveAsync(admin, id, active: true)).Succeeded);
        Assert.Equal("Bruger genaktiveret", (await LastAuditAsync()).Change);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_or_demote_themselves()
    {
        var admin = await App.ActorAsync(DemoUsers.Admin);

        var off = await Admin.SetActiveAsync(admin, admin.UserId, active: false);
        var demote = await Admin.UpdateUserAsync(admin, admin.UserId, new UserInput { DisplayName = admin.Name, Role = Role.Manager });

        Assert.False(off.Succeeded);
        Assert.False(demote.Succeeded);
    }

    [Fact]
    public async Task Changing_a_role_renews_the_security_stamp_so_old_cookies_stop_working()
    {
        var admin = await App.ActorAsync(DemoUsers.Admin);
        var email = "rolleskift@aarhus.example";
        Assert.True((await Admin.CreateUserAsync(admin, NewUser(email))).Succeeded);
        var id = await UserIdAsync(email);
        var stamp = await StampAsync(id);

        var result = await Admin.UpdateUserAsync(admin, id, new UserInput { DisplayName = "Rolle Skift", Role = Role.Manager });

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.NotEqual(stamp, await StampAsync(id));
        Assert.Contains("Rolle: Sagsbehandler → Leder", (await LastAuditAsync()).Change);
    }

    private static UserInput NewUser(string email, Role role = Role.Caseworker, int? departmentId = null) =>
        new() { Email = email, DisplayName = "Ny Bruger", Role = role, DepartmentId = departmentId, Password = "Start-kode-2026" };

    private async Task<int> AuditCountAsync()
    {
        await using var db = await App.DbAsync();
        return await db.AdminAudit.CountAsync();
    }

    private async Task<AdminAuditEntry> LastAuditAsync()
    {
        await using var db = await App.DbAsync();
        return await db.AdminAudit.OrderByDescending(a => a.Id).FirstAsync();
    }

    private async Task<Department> DepartmentAsync(string code)
    {
        await using var db = await App.DbAsync();
        return await db.Departments.SingleAsync(d => d.Code == code);
    }

    private async Task<BudgetYear> LatestYearAsync()
    {
        await using var db = await App.DbAsync();
        return await db.BudgetYears.OrderByDescending(y => y.Year).FirstAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = await App.DbAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<string?> StampAsync(string id)
    {
        await using var db = await App.DbAsync();
        return await db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync();
    }
}
