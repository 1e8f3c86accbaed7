using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Admin;
using InnovationCases.Tests.Features.Account;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Admin;

/// <summary>Service level: what <see cref="UserAdmin"/> stores, refuses and audits.</summary>
public sealed class UserAdminTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>, IAsyncLifetime
{
    private AsyncServiceScope _scope;
    private TestApp App => fixture.App;
    private UserAdmin Admin => _scope.ServiceProvider.GetRequiredService<UserAdmin>();

    public Task InitializeAsync()
    {
        _scope = App.AppServices.CreateAsyncScope();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task Admin_creates_a_user_who_can_sign_in_and_the_change_is_audited()
    {
        var admin = await App.ActorAsync(DemoUsers.Admin);
        var email = "ny.medarbejder@aarhus.example";
        var mbu = await App.DepartmentAsync("MBU");

        var result = await Admin.CreateUserAsync(admin, NewUser(email, Role.DepartmentStaff, mbu.Id));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var users = _scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.Equal((Role.DepartmentStaff, mbu.Id), (user.Role, user.DepartmentId));
        Assert.True(await users.CheckPasswordAsync(user, "Start-kode-2026"));
        var entry = await App.LastAuditAsync();
        Assert.Equal((AuditEntity.User, email, admin.UserId), (entry.Entity, entry.EntityKey, entry.ActorUserId));
        Assert.Contains("Medarbejder i afdeling", entry.Change);
    }

    [Fact]
    public async Task Creating_a_user_refuses_invalid_input_with_danish_reasons_and_stores_nothing()
    {
        var admin = await App.ActorAsync(DemoUsers.Admin);
        var before = await App.AuditCountAsync();

        var duplicate = await Admin.CreateUserAsync(admin, NewUser(DemoUsers.Mbu));
        var noDepartment = await Admin.CreateUserAsync(admin, NewUser("uden.afdeling@aarhus.example", Role.DepartmentStaff));
        var weakInput = NewUser("svag@aarhus.example");
        weakInput.Password = "kort";
        var weak = await Admin.CreateUserAsync(admin, weakInput);

        Assert.Contains(duplicate.Errors, e => e.Contains("findes allerede"));
        Assert.Contains(noDepartment.Errors, e => e.Contains("skal have en afdeling"));
        Assert.Contains(weak.Errors, e => e.Contains("mindst 10 tegn"));
        Assert.Equal(before, await App.AuditCountAsync());
    }

    [Fact]
    public async Task Deactivating_a_user_renews_the_security_stamp_and_reactivating_restores_access()
    {
        var admin = await App.ActorAsync(DemoUsers.Admin);
        var email = "skal.deaktiveres@aarhus.example";
        Assert.True((await Admin.CreateUserAsync(admin, NewUser(email))).Succeeded);
        var id = await App.UserIdAsync(email);
        var stamp = await StampAsync(id);

        var off = await Admin.SetActiveAsync(admin, id, active: false);

        Assert.True(off.Succeeded);
        Assert.NotEqual(stamp, await StampAsync(id));
        await using (var db = await App.DbAsync())
        {
            Assert.False((await db.Users.SingleAsync(u => u.Id == id)).IsActive);
        }

        Assert.True((await Admin.SetActiveAsync(admin, id, active: true)).Succeeded);
        Assert.Equal("Bruger genaktiveret", (await App.LastAuditAsync()).Change);
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
        var id = await App.UserIdAsync(email);
        var stamp = await StampAsync(id);

        var result = await Admin.UpdateUserAsync(admin, id, new UserInput { DisplayName = "Rolle Skift", Role = Role.Manager });

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.NotEqual(stamp, await StampAsync(id));
        Assert.Contains("Rolle: Sagsbehandler → Leder", (await App.LastAuditAsync()).Change);
    }

    [Fact]
    public async Task A_display_name_is_cleaned_of_direction_overrides_and_control_characters_before_it_is_checked_and_stored()
    {
        var admin = await App.ActorAsync(DemoUsers.Admin);
        var atTheLimit = new string('a', Limits.UserNameMax);
        var created = NewUser("renset.navn@aarhus.example");
        created.DisplayName = "Jens\u202E Hansen\u0007";
        var renamed = NewUser("renset.navn@aarhus.example");
        renamed.DisplayName = atTheLimit + "\u202E\u200B";

        var create = await Admin.CreateUserAsync(admin, created);
        var storedName = await DisplayNameAsync("renset.navn@aarhus.example");
        var rename = await Admin.UpdateUserAsync(admin, await App.UserIdAsync("renset.navn@aarhus.example"), renamed);

        Assert.True(create.Succeeded, string.Join(" ", create.Errors));
        Assert.Equal("Jens Hansen", storedName);
        Assert.True(rename.Succeeded, string.Join(" ", rename.Errors));
        Assert.Equal(atTheLimit, await DisplayNameAsync("renset.navn@aarhus.example"));
        Assert.DoesNotContain('\u202E', (await App.LastAuditAsync()).Change);
    }

    internal static UserInput NewUser(string email, Role role = Role.Caseworker, int? departmentId = null) =>
        new() { Email = email, DisplayName = "Ny Bruger", Role = role, DepartmentId = departmentId, Password = "Start-kode-2026" };

    private async Task<string?> StampAsync(string id)
    {
        await using var db = await App.DbAsync();
        return await db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync();
    }

    private async Task<string> DisplayNameAsync(string email)
    {
        await using var db = await App.DbAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync();
    }
}
