using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Admin;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Admin;

/// <summary>Production starts with no users; the first administrator comes from configuration or a command.</summary>
public sealed class BootstrapTests
{
    [Fact]
    public async Task Without_demo_data_and_bootstrap_settings_no_user_exists()
    {
        using var app = new TestApp(demoData: false);

        await using var db = await app.DbAsync();

        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task The_bootstrap_settings_create_one_admin_who_can_sign_in_and_are_audited()
    {
        using var app = new TestApp(demoData: false);
        app.Settings["Bootstrap:AdminEmail"] = "it@aarhus.example";
        app.Settings["Bootstrap:AdminPassword"] = "Foerste-Admin-2026";
        app.Settings["Bootstrap:AdminName"] = "IT-drift";

        await using var scope = app.AppServices.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync("it@aarhus.example");

        Assert.NotNull(user);
        Assert.Equal((Role.Admin, "IT-drift", true), (user.Role, user.DisplayName, user.IsActive));
        Assert.True(await users.CheckPasswordAsync(user, "Foerste-Admin-2026"));
        await using var db = await app.DbAsync();
        var entry = await db.AdminAudit.SingleAsync();
        Assert.Equal((AdminAudit.SystemActorId, "it@aarhus.example"), (entry.ActorUserId, entry.EntityKey));
    }

    [Fact]
    public async Task The_bootstrap_settings_do_nothing_once_an_admin_exists()
    {
        using var app = new TestApp(demoData: true);
        app.Settings["Bootstrap:AdminEmail"] = "endnu.en@aarhus.example";
        app.Settings["Bootstrap:AdminPassword"] = "Foerste-Admin-2026";

        await using var db = await app.DbAsync();

        Assert.False(await db.Users.AnyAsync(u => u.Email == "endnu.en@aarhus.example"));
    }

    [Fact]
    public async Task The_create_admin_command_reads_the_password_from_standard_input()
    {
        using var app = new TestApp(demoData: false);
        var output = new StringWriter();

        var code = await CreateAdminCommand.RunAsync(app.AppServices, ["create-admin", "drift@aarhus.example", "Drift", "Admin"],
            new StringReader("Kommando-Admin-2026\n"), output, interactive: false);

        Assert.Equal(0, code);
        await using var scope = app.AppServices.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync("drift@aarhus.example"))!;
        Assert.Equal((Role.Admin, "Drift Admin"), (user.Role, user.DisplayName));
        Assert.True(await users.CheckPasswordAsync(user, "Kommando-Admin-2026"));
    }

    [Fact]
    public async Task The_create_admin_command_refuses_a_weak_password_and_creates_nobody()
    {
        using var app = new TestApp(demoData: false);
        var output = new StringWriter();

        var code = await CreateAdminCommand.RunAsync(app.AppServices, ["create-admin", "svag@aarhus.example", "Svag"],
            new StringReader("kort\n"), output, interactive: false);

        Assert.Equal(1, code);
        Assert.Contains("mindst 10 tegn", output.ToString());
        await using var db = await app.DbAsync();
        Assert.False(await db.Users.AnyAsync());
    }
}
