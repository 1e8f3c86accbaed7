using System.Net;
using System.Text.RegularExpressions;
using InnovationCases.Features.Admin;
using InnovationCases.Resources;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Account.SignIn;

/// <summary>HTTP level: one answer for every failed sign-in, every attempt in the audit log, logout renews the stamp.</summary>
public partial class SignInTests : IDisposable
{
    private readonly TestApp _app;

    public SignInTests()
        : this(null)
    {
    }

    /// <summary>For the provider matrix (Data/Postgres/ProviderMatrix.cs).</summary>
    protected SignInTests(InnovationCases.Data.DatabaseProvider? provider) => _app = new(demoData: true, provider: provider);

    [Fact]
    public async Task Unknown_email_wrong_password_and_deactivated_user_get_the_same_answer()
    {
        await DeactivateAsync(DemoUsers.Mbu);
        using var client = LoginForm.Client(_app);

        var unknown = await ErrorTextAsync(await LoginForm.PostAsync(client, "findes.ikke@aarhus.example", DemoUsers.Password));
        var wrong = await ErrorTextAsync(await LoginForm.PostAsync(client, DemoUsers.Mso, "Forkert-kode-1"));
        var deactivated = await ErrorTextAsync(await LoginForm.PostAsync(client, DemoUsers.Mbu, DemoUsers.Password));

        Assert.Equal(AppText.Login_Failed, unknown);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, deactivated);
    }

    [Fact]
    public async Task Success_failure_and_lockout_are_written_to_the_admin_audit_log()
    {
        using var client = LoginForm.Client(_app);
        await LoginForm.PostAsync(client, "findes.ikke@aarhus.example", "Hvad-som-helst");
        for (var i = 0; i < 10; i++)
        {
            await LoginForm.PostAsync(client, DemoUsers.Mso, "Forkert-kode-" + i);
        }

        using var other = LoginForm.Client(_app);
        var success = await LoginForm.PostAsync(other, DemoUsers.Admin, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, success.StatusCode);

        await using var db = await _app.DbAsync();
        var entries = await db.AdminAudit.Where(a => a.Entity == AuditEntity.SignIn).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal("findes.ikke@aarhus.example", entries[0].EntityKey);
        Assert.StartsWith("Ukendt e-mail", entries[0].Change);
        Assert.Equal(9, entries.Count(e => e.EntityKey == DemoUsers.Mso && e.Change.StartsWith("Forkert adgangskode", StringComparison.Ordinal)));
        Assert.Single(entries, e => e.EntityKey == DemoUsers.Mso && e.Change.StartsWith("Kontoen blev låst", StringComparison.Ordinal));
        var admin = await db.Users.SingleAsync(u => u.Email == DemoUsers.Admin);
        Assert.Single(entries, e => e.ActorUserId == admin.Id && e.Change.StartsWith("Logget ind", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logout_renews_the_security_stamp_so_a_copied_cookie_dies_at_its_next_check()
    {
        using var client = LoginForm.Client(_app);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginForm.PostAsync(client, DemoUsers.Mso, DemoUsers.Password)).StatusCode);
        var before = await StampAsync(DemoUsers.Mso);

        var token = await LoginForm.AntiforgeryTokenAsync(client, "/");
        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.NotEqual(before, await StampAsync(DemoUsers.Mso));
    }

    [Fact]
    public async Task The_login_page_shows_the_demo_passwords_only_when_demo_data_is_on()
    {
        using var production = new TestApp(demoData: false, environment: "Production");
        using var withoutDemo = LoginForm.Client(production);
        using var withDemo = LoginForm.Client(_app);

        Assert.DoesNotContain(DemoUsers.Password, WebUtility.HtmlDecode(await withoutDemo.GetStringAsync("/login")));
        Assert.Contains(DemoUsers.Password, WebUtility.HtmlDecode(await withDemo.GetStringAsync("/login")));
    }

    private async Task<string?> StampAsync(string email)
    {
        await using var db = await _app.DbAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.SecurityStamp).SingleAsync();
    }

    private async Task DeactivateAsync(string email)
    {
        var admin = await _app.ActorAsync(DemoUsers.Admin);
        var user = await _app.ActorAsync(email);
        await using var scope = _app.AppServices.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserAdmin>().SetActiveAsync(admin, user.UserId, false)).Succeeded);
    }

    private static async Task<string> ErrorTextAsync(HttpResponseMessage response)
    {
        var match = LoginError().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, "The login page shows no error.");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    [GeneratedRegex("<div class=\"login-error\" role=\"alert\">([^<]*)</div>")]
    private static partial Regex LoginError();

    public void Dispose() => _app.Dispose();
}
