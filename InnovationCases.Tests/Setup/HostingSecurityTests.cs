using System.Net;
using InnovationCases.Setup;
using InnovationCases.Tests.Features.Account;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace InnovationCases.Tests.Setup;

/// <summary>Keys in the database, the TLS proxy's headers, HTTPS-only cookies, HSTS and the CSP.</summary>
public sealed class HostingSecurityTests
{
    [Fact]
    public async Task A_cookie_issued_before_a_restart_still_works_on_the_next_instance_of_the_same_database()
    {
        using var first = new TestApp(demoData: true);
        using var client = LoginForm.Client(first);
        var signedIn = await LoginForm.PostAsync(client, DemoUsers.Mso, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("InnovationCases.Auth=", StringComparison.Ordinal)).Split(';')[0];

        await using (var db = await first.DbAsync())
        {
            Assert.True(await db.DataProtectionKeys.AnyAsync(), "The key ring is stored in the database.");
        }

        using var second = new TestApp(demoData: false);
        second.Settings["ConnectionStrings:Cases"] = $"Data Source={first.DatabasePath}";
        using var next = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);

        var response = await next.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Production_over_https_sends_secure_cookies_and_hsts()
    {
        using var app = new TestApp(demoData: false, environment: "Production");
        app.Settings["Security:RequireHttps"] = "true";
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://innovation.aarhus.example") });

        var response = await client.GetAsync("/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Behind_the_proxy_the_forwarded_https_scheme_is_believed_from_a_known_proxy()
    {
        using var app = new TestApp(demoData: false, environment: "Production");
        app.Settings["Security:RequireHttps"] = "true";
        using var client = new HttpClient { BaseAddress = app.StartKestrel() };
        var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "10.20.30.40");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Known_proxies_and_networks_come_from_configuration()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.1.0.0/16",
        }).Build();
        var options = new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions();

        HostingSecurity.ConfigureForwardedHeaders(options, config);

        Assert.Contains(IPAddress.Parse("10.0.0.5"), options.KnownProxies);
        Assert.Contains(options.KnownIPNetworks, n => n.Contains(IPAddress.Parse("10.1.2.3")));
    }

    [Fact]
    public void The_csp_lets_the_page_connect_only_to_its_own_origin()
    {
        var csp = SecurityHeaders.ContentSecurityPolicy();

        Assert.Contains("connect-src 'self';", csp);
        Assert.DoesNotContain("ws:", csp);
    }
}
