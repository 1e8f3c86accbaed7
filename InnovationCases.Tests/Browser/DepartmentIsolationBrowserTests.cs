using InnovationCases.Domain;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

/// <summary>Signed in as Børn og Unge's staff, no other department's case is visible anywhere.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DepartmentIsolationBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Mbu_sees_only_Boern_og_Unges_cases_on_the_board_and_no_all_cases_pages_but_the_whole_knowledge_bank()
    {
        var own = await Arrange.CaseAsync(fixture.App, Stage.Submitted, leadCode: "MBU");
        var partner = await Arrange.CaseAsync(fixture.App, Stage.Screened, leadCode: "MTM", partnerCodes: ["MBU"]);
        var foreign = await Arrange.CaseAsync(fixture.App, Stage.Submitted, leadCode: "MSO");
        var allowed = await AllowedForMbuAsync();
        var page = await fixture.NewPageAsync();

        await page.LoginAsync(DemoUsers.Mbu, "/board?q=Testprojekt");
        await Assertions.Expect(page.Locator($"[data-case-number='{own.CaseNumber}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-case-number='{partner.CaseNumber}']")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator($"[data-case-number='{foreign.CaseNumber}']").CountAsync());
        await AssertAllAllowedAsync(page, "[data-case-number]", "el => el.dataset.caseNumber", allowed);

        await page.GotoInteractiveAsync("/board");
        await Assertions.Expect(page.Locator("[data-case-number]").First).ToBeVisibleAsync();
        await AssertAllAllowedAsync(page, "[data-case-number]", "el => el.dataset.caseNumber", allowed);

        // The knowledge bank is the whole municipality's (issue 14): other departments' lessons are there too.
        await page.GotoInteractiveAsync("/learnings");
        await Assertions.Expect(page.Locator("[data-learning]").First).ToBeVisibleAsync();
        var learnings = await page.Locator("[data-learning]").EvaluateAllAsync<string[]>("els => els.map(el => el.dataset.learning)");
        Assert.Contains(learnings, n => !allowed.Contains(n));

        foreach (var path in new[] { "/dashboard", "/reports", "/pools" })
        {
            await page.GotoInteractiveAsync(path);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ingen adgang");
        }

        await page.GotoInteractiveAsync("/cases/" + foreign.CaseNumber);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(foreign.Title);
    }

    private async Task<List<string>> AllowedForMbuAsync()
    {
        await using var db = await fixture.App.DbAsync();
        var mbu = await db.Departments.Where(d => d.Code == "MBU").Select(d => d.Id).SingleAsync();
        return await db.Cases.Where(c => c.LeadDepartmentId == mbu || c.PartnerDepartments.Any(p => p.DepartmentId == mbu))
            .Select(c => c.CaseNumber).ToListAsync();
    }

    private static async Task AssertAllAllowedAsync(IPage page, string selector, string read, List<string> allowed)
    {
        var shown = await page.Locator(selector).EvaluateAllAsync<string[]>($"els => els.map({read})");
        Assert.All(shown, n => Assert.Contains(n, allowed));
    }
}
