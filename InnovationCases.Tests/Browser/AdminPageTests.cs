using InnovationCases.Tests.Support;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AdminPageTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/admin", "Administration")]
    [InlineData("/admin/users", "Brugere")]
    [InlineData("/admin/departments", "Afdelinger")]
    [InlineData("/admin/budgets", "Budgetår og puljer")]
    [InlineData("/admin/audit", "Revisionslog")]
    public async Task Admin_pages_render_for_the_admin_without_serious_accessibility_violations(string path, string heading)
    {
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Admin, path);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Administrationens sider" })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task The_departments_page_shows_the_key_and_each_departments_allocation()
    {
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Admin, "/admin/departments");

        var mbu = page.Locator("tr[data-department='MBU']");
        await Assertions.Expect(mbu).ToContainTextAsync("Børn og Unge");
        await Assertions.Expect(mbu).ToContainTextAsync("%");
        await Assertions.Expect(mbu.Locator("[data-testid='allocation']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{1,3}(\.\d{3})* kr\.$"));
    }

    [Fact]
    public async Task The_admin_creates_a_user_in_the_dialog_and_sees_it_in_the_list_and_the_audit_log()
    {
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Admin, "/admin/users");
        var email = $"browser-{Guid.NewGuid():N}"[..16] + "@aarhus.example";

        await page.GetByRole(AriaRole.Button, new() { Name = "Opret bruger" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("E-mail").FillAsync(email);
        await dialog.GetByLabel("Navn").FillAsync("Browser Bruger");
        await dialog.GetByLabel("Startadgangskode").FillAsync("Browser-kode-2026");
        await page.AssertNoSeriousAxeViolationsAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Opret" }).ClickAsync();

        await Assertions.Expect(page.Locator($"tr[data-user='{email}']")).ToContainTextAsync("Browser Bruger");
        await page.GotoInteractiveAsync("/admin/audit");
        await Assertions.Expect(page.Locator("[data-testid='audit']")).ToContainTextAsync(email);
    }

    [Fact]
    public async Task A_non_admin_opening_admin_sees_no_admin_data()
    {
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Caseworker, "/admin/users");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Brugere");
        await Assertions.Expect(page.Locator("[data-testid='users']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mud-drawer")).Not.ToContainTextAsync("Administration");
    }
}
