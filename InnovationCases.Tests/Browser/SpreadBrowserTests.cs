using InnovationCases.Domain;
using InnovationCases.Tests.Support;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SpreadBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_caseworker_writes_and_publishes_a_story_and_an_anonymous_reader_reads_it()
    {
        var c = await Arrange.CaseAsync(fixture.App, Stage.Evaluated, leadCode: "MBU");
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Caseworker, $"/cases/{c.CaseNumber}");
        var panel = page.Locator("[data-story-panel]");
        await panel.GetByLabel("Overskrift").FillAsync("Browserens fortælling");
        await panel.GetByLabel("Manchet").FillAsync("Skrevet og offentliggjort i en rigtig browser.");
        await panel.GetByLabel("Fortællingen", new() { Exact = true }).FillAsync("Vi **lærte** at teste.");
        await panel.GetByLabel("Fortællingen", new() { Exact = true }).PressAsync("Tab");
        await page.Locator("[data-action='save-story']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-story-state='draft']")).ToBeVisibleAsync();
        await page.Locator("[data-action='publish-story']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-story-state='published']")).ToBeVisibleAsync();

        var reader = await fixture.NewPageAsync();
        await reader.GotoAsync($"/innovation/{c.CaseNumber}");

        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Browserens fortælling");
        await Assertions.Expect(reader.Locator(".public-story-body strong")).ToHaveTextAsync("lærte");
        await reader.AssertNoSeriousAxeViolationsAsync();
        await reader.GotoAsync("/innovation");
        await Assertions.Expect(reader.Locator($"[data-story='{c.CaseNumber}']")).ToBeVisibleAsync();
        await reader.AssertNoSeriousAxeViolationsAsync();
        await Assertions.Expect(reader.Locator("[data-sign-in]")).ToHaveAttributeAsync("href", "login");
    }

    [Fact]
    public async Task The_knowledge_bank_has_no_serious_accessibility_violations()
    {
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Mbu, "/learnings");
        await Assertions.Expect(page.Locator("[data-learning]").First).ToBeVisibleAsync();

        await page.AssertNoSeriousAxeViolationsAsync();
    }
}
