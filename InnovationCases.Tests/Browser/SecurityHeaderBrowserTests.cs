using InnovationCases.Tests.Support;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

/// <summary>The app works under its Content-Security-Policy: no violation is reported while it is used.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityHeaderBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Sign_in_navigation_dialogs_and_sign_out_cause_no_csp_violation()
    {
        var page = await fixture.NewPageAsync();
        var messages = new List<string>();
        page.Console += (_, m) => messages.Add($"{m.Type}: {m.Text}");
        page.PageError += (_, e) => messages.Add("pageerror: " + e);

        var response = await page.GotoAsync("/login");
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy") ?? "");
        await page.LoginAsync(DemoUsers.Admin, "/admin/users");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opret bruger" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Annuller" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Afdelinger" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Afdelinger");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/login"));

        var violations = messages.Where(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal)).ToList();
        Assert.True(violations.Count == 0, "CSP violations:\n" + string.Join("\n", violations));
        Assert.DoesNotContain(messages, m => m.StartsWith("pageerror", StringComparison.Ordinal));
    }
}
