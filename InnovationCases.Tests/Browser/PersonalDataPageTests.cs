using InnovationCases.Tests.Support;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PersonalDataPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_admin_finds_a_persons_cases_on_the_personal_data_page_without_serious_accessibility_violations()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var email = $"browser-{id}@borger.example";
        var c = await Arrange.CaseAsync(fixture.App, configure: x =>
        {
            x.ContactName = "Browser " + id;
            x.ContactEmail = email;
        });
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Admin, "/admin/personal-data");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Persondata");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Administrationens sider" })).ToBeVisibleAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find oplysninger" }).ClickAsync();

        var results = page.Locator("[data-testid='personal-data']");
        await Assertions.Expect(results.Locator($"tr[data-case-number='{c.CaseNumber}']")).ToContainTextAsync(email);
        await Assertions.Expect(results.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Slet kontaktoplysningerne" })).ToBeEnabledAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
    }
}
