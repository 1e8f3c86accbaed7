using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task App_starts_on_Kestrel_and_Chromium_shows_the_MudBlazor_layout()
    {
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(Support.DemoUsers.Caseworker);

        await Assertions.Expect(page.Locator(".mud-appbar")).ToContainTextAsync("Innovationspuljen");
        await Assertions.Expect(page.Locator(".mud-appbar")).ToContainTextAsync("Sara Lund");
        await Assertions.Expect(page.Locator(".mud-drawer")).ToContainTextAsync("Tavle");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Velkommen");
    }

    [Fact]
    public async Task Login_page_and_home_page_have_no_serious_accessibility_violations()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/login");
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.LoginAsync(Support.DemoUsers.Manager);
        await page.AssertNoSeriousAxeViolationsAsync();
    }
}
