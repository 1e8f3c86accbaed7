using System.Net;
using InnovationCases.Data;
using InnovationCases.Resources;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InnovationCases.Tests.Setup;

/// <summary>Health that means "can save", HEAD for monitoring probes, and a Danish word when the circuit dies.</summary>
public sealed class RobustnessTests : IClassFixture<Features.Account.AccountAppFixture>
{
    private readonly TestApp _app;

    public RobustnessTests(Features.Account.AccountAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Health_is_unhealthy_when_the_database_opens_but_cannot_be_written()
    {
        _ = _app.AppServices; // migrated and seeded
        var writable = Check($"Data Source={_app.DatabasePath}");
        var readOnly = Check($"Data Source={_app.DatabasePath};Mode=ReadOnly");

        Assert.Equal(HealthStatus.Healthy, (await writable.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal(HealthStatus.Unhealthy, (await readOnly.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task Health_answers_healthy_over_http_and_leaves_no_trace()
    {
        using var client = _app.CreateClient();
        await using var before = await _app.DbAsync();
        var rows = await before.Database.SqlQueryRaw<string>("SELECT \"ProductVersion\" AS \"Value\" FROM \"__EFMigrationsHistory\"").ToListAsync();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":\"Healthy\"", await response.Content.ReadAsStringAsync());
        await using var after = await _app.DbAsync();
        Assert.Equal(rows, await after.Database.SqlQueryRaw<string>("SELECT \"ProductVersion\" AS \"Value\" FROM \"__EFMigrationsHistory\"").ToListAsync());
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/health")]
    public async Task Head_answers_like_get_without_a_body(string path)
    {
        using var client = _app.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Every_page_carries_the_danish_error_notice_with_a_reload_link()
    {
        using var client = _app.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/login"));

        Assert.Contains("id=\"blazor-error-ui\"", html);
        Assert.Contains(AppText.Error_Unhandled, html);
        Assert.Contains("class=\"reload\"", html);
    }

    private static DatabaseHealthCheck Check(string connectionString) =>
        new(new PooledDbContextFactory<AppDbContext>(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options));
}
