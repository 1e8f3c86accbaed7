using System.Net;
using System.Reflection;
using System.Text.Json;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace InnovationCases.Tests.Features.Account;

/// <summary>HTTP level, no UI: what an anonymous request gets.</summary>
public sealed class AnonymousAccessTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    // The public pages (issue 14) are anonymous on purpose; PublicPagesTests checks what they show.
    private static readonly string[] PublicRoutes = ["/login", "/not-found", "/Error", "/innovation", "/innovation/INNO-2026-0001"];

    /// <summary>Every @page of the app, with sample values for route parameters.</summary>
    public static TheoryData<string> PageRoutes() => [.. Routes()];

    private static List<string> Routes() =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => SampleUrl(r.Template))
            .Where(r => !PublicRoutes.Contains(r, StringComparer.OrdinalIgnoreCase))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void The_app_has_pages_to_check()
    {
        var routes = Routes();

        Assert.Contains("/", routes);
        Assert.Contains("/admin", routes);
        Assert.Contains("/admin/users", routes);
    }

    [Theory]
    [MemberData(nameof(PageRoutes))]
    public async Task Every_page_redirects_an_anonymous_request_to_login(string route)
    {
        using var client = LoginForm.Client(fixture.App);

        var response = await client.GetAsync(route);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
        Assert.Equal("/login", path);
    }

    [Fact]
    public async Task Health_answers_anonymously_with_json()
    {
        using var client = LoginForm.Client(fixture.App);

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Login_page_answers_anonymously()
    {
        using var client = LoginForm.Client(fixture.App);

        var response = await client.GetAsync("/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Adgangskode", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/account/logout")]
    public async Task A_post_without_antiforgery_token_is_refused(string path)
    {
        using var client = LoginForm.Client(fixture.App);
        await client.GetAsync("/login"); // an antiforgery cookie, but no token in the form

        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = DemoUsers.Caseworker,
            ["Input.Password"] = DemoUsers.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("InnovationCases.Auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_real_login_form_with_its_token_signs_in()
    {
        using var client = LoginForm.Client(fixture.App);

        var response = await LoginForm.PostAsync(client, DemoUsers.Director, DemoUsers.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        using var client = LoginForm.Client(fixture.App);

        var response = await client.GetAsync("/login");

        var csp = string.Join("", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join("", response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Without_oidc_configuration_there_is_no_municipal_login()
    {
        using var client = LoginForm.Client(fixture.App);

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/login"));
        var challenge = await client.GetAsync("/account/oidc/login");

        Assert.DoesNotContain("kommunens login", html);
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
    }

    private static string SampleUrl(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]+\}", m =>
            m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : "INNO-2026-0001");
}
