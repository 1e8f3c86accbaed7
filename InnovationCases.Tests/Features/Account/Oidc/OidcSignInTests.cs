using System.Net;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Account.Oidc;
using InnovationCases.Features.Admin;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Account.Oidc;

/// <summary>Single sign-on switched on by configuration: the login page, the headers, and the local user behind a provider login.</summary>
public sealed class OidcSignInTests : IDisposable
{
    private const string Authority = "https://login.kommune.example/tenant/v2.0";
    private readonly TestApp _app = new(demoData: true);

    public OidcSignInTests()
    {
        _app.Settings["Oidc:Enabled"] = "true";
        _app.Settings["Oidc:Authority"] = Authority;
        _app.Settings["Oidc:ClientId"] = "innovationcases";
        _app.Settings["Oidc:ClientSecret"] = "hemmelig";
        _app.Settings["Oidc:RoleMap:g-mbu"] = "DepartmentStaff";
        _app.Settings["Oidc:RoleMap:g-sekretariat"] = "Caseworker";
        _app.Settings["Oidc:DepartmentMap:g-mbu"] = "MBU";
    }

    [Fact]
    public async Task The_login_page_offers_the_municipal_login_and_the_csp_allows_posting_to_the_provider()
    {
        using var client = LoginForm.Client(_app);

        var response = await client.GetAsync("/login");

        Assert.Contains("Log ind med kommunens login", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Contains("form-action 'self' https://login.kommune.example", string.Join("", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task The_municipal_login_link_challenges_the_provider_with_code_flow_and_pkce()
    {
        using var withMetadata = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            // Configure runs before the handler's own post-configuration, which then uses this document instead of fetching it.
            s.Configure<OpenIdConnectOptions>(OidcOptions.Scheme, o => o.Configuration = new OpenIdConnectConfiguration
            {
                Issuer = Authority,
                AuthorizationEndpoint = "https://login.kommune.example/tenant/oauth2/v2.0/authorize",
            })));
        using var client = withMetadata.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync("/account/oidc/login?returnUrl=%2Fboard");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("login.kommune.example", location.Host);
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("innovationcases", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"]);
    }

    [Fact]
    public async Task A_refused_single_sign_on_shows_its_danish_reason_on_the_login_page()
    {
        using var client = LoginForm.Client(_app);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/login?sso=NoRole"));

        Assert.Contains("ikke medlem af en gruppe", html);
    }

    [Fact]
    public void The_configuration_is_bound_with_its_maps()
    {
        var options = _app.AppServices.GetRequiredService<OidcOptions>();

        Assert.Equal(Authority, options.Authority);
        Assert.Equal("DepartmentStaff", options.RoleMap["g-mbu"]);
        Assert.Equal("MBU", options.DepartmentMap["g-mbu"]);
    }

    [Fact]
    public async Task A_new_provider_user_gets_a_local_user_with_the_mapped_role_and_department()
    {
        var mapping = new OidcMapping("sub-1", "ny.sso@aarhus.example", "Ny SSO", Role.DepartmentStaff, "MBU", null);

        var (user, refusal) = await ProvisionAsync(mapping);

        Assert.Null(refusal);
        Assert.NotNull(user);
        await using var db = await _app.DbAsync();
        var stored = await db.Users.SingleAsync(u => u.Email == "ny.sso@aarhus.example");
        var mbu = await db.Departments.SingleAsync(d => d.Code == "MBU");
        Assert.Equal((Role.DepartmentStaff, mbu.Id, (string?)null), (stored.Role, stored.DepartmentId, stored.PasswordHash));
        Assert.True(await db.UserLogins.AnyAsync(l => l.UserId == stored.Id && l.LoginProvider == OidcOptions.Scheme && l.ProviderKey == "sub-1"));
        Assert.Equal(AdminAudit.SystemActorId, (await db.AdminAudit.OrderByDescending(a => a.Id).FirstAsync()).ActorUserId);
    }

    [Fact]
    public async Task An_existing_user_is_linked_by_email_and_takes_the_role_from_the_provider()
    {
        var mapping = new OidcMapping("sub-2", DemoUsers.Mso, "Helle Bach", Role.Caseworker, null, null);

        var (user, _) = await ProvisionAsync(mapping);
        var (again, _) = await ProvisionAsync(mapping);

        Assert.Equal(user!.Id, again!.Id);
        await using var db = await _app.DbAsync();
        var stored = await db.Users.SingleAsync(u => u.Email == DemoUsers.Mso);
        Assert.Equal((Role.Caseworker, (int?)null), (stored.Role, stored.DepartmentId));
        Assert.Equal(1, await db.UserLogins.CountAsync(l => l.UserId == stored.Id));
    }

    [Fact]
    public async Task A_deactivated_user_or_an_unknown_department_gets_no_access()
    {
        var admin = await _app.ActorAsync(DemoUsers.Admin);
        var mbu = await _app.ActorAsync(DemoUsers.Mbu);
        await using (var scope = _app.AppServices.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAdmin>().SetActiveAsync(admin, mbu.UserId, false)).Succeeded);
        }

        var (deactivated, why) = await ProvisionAsync(new OidcMapping("sub-3", DemoUsers.Mbu, "Jonas", Role.DepartmentStaff, "MBU", null));
        var (unknown, why2) = await ProvisionAsync(new OidcMapping("sub-4", "ukendt@aarhus.example", "Ukendt", Role.DepartmentStaff, "XYZ", null));

        Assert.Null(deactivated);
        Assert.Equal(OidcRefusal.Deactivated, why);
        Assert.Null(unknown);
        Assert.Equal(OidcRefusal.UnknownDepartment, why2);
        await using var db = await _app.DbAsync();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "ukendt@aarhus.example"));
    }

    [Fact]
    public async Task A_second_provider_account_with_the_same_email_is_not_merged_into_the_first()
    {
        var first = await ProvisionAsync(new OidcMapping("sub-5", "delt@aarhus.example", "Første", Role.Manager, null, null));

        var (user, refusal) = await ProvisionAsync(new OidcMapping("sub-6", "delt@aarhus.example", "Anden", Role.Admin, null, null));

        Assert.NotNull(first.User);
        Assert.Null(user);
        Assert.Equal(OidcRefusal.OtherLogin, refusal);
        await using var db = await _app.DbAsync();
        Assert.Equal(Role.Manager, (await db.Users.SingleAsync(u => u.Email == "delt@aarhus.example")).Role);
    }

    private async Task<(AppUser? User, OidcRefusal? Refusal)> ProvisionAsync(OidcMapping mapping)
    {
        await using var scope = _app.AppServices.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExternalUserLinker>().ProvisionAsync(mapping);
    }

    public void Dispose() => _app.Dispose();
}
