using System.Net;
using InnovationCases.Tests.Features.Account;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Admin;

/// <summary>HTTP level: the admin pages are for administrators only, whatever the navigation shows.</summary>
public sealed class AdminAccessTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    [Theory]
    [InlineData(DemoUsers.Caseworker, "/admin")]
    [InlineData(DemoUsers.Manager, "/admin/users")]
    [InlineData(DemoUsers.Mbu, "/admin/departments")]
    [InlineData(DemoUsers.Director, "/admin/budgets")]
    [InlineData(DemoUsers.Caseworker, "/admin/audit")]
    public async Task Signed_in_non_admins_are_sent_to_access_denied(string email, string path)
    {
        using var client = LoginForm.Client(fixture.App);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginForm.PostAsync(client, email, DemoUsers.Password)).StatusCode);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task The_admin_gets_the_admin_pages()
    {
        using var client = LoginForm.Client(fixture.App);
        await LoginForm.PostAsync(client, DemoUsers.Admin, DemoUsers.Password);

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Opret bruger", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
