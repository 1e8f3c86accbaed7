using InnovationCases.Tests.Support;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignOutTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Sign_out_ends_the_session_so_pages_ask_for_login_again()
    {
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Admin, "/admin");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/login"));
        await page.GotoAsync("/admin/users");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await Assertions.Expect(page.GetByLabel("Adgangskode")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='users']")).ToHaveCountAsync(0);
    }
}
