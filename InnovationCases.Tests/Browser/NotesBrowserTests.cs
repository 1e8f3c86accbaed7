using InnovationCases.Domain;
using InnovationCases.Tests.Support;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class NotesBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_caseworker_writes_a_note_mentioning_the_director_who_finds_it_under_mine_vurderinger()
    {
        var c = await Arrange.CaseAsync(fixture.App, Stage.Screened, leadCode: "BA");
        var director = await fixture.App.ActorAsync(DemoUsers.Director);

        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Caseworker, $"/cases/{c.CaseNumber}");
        var panel = page.Locator("[data-notes-panel]");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await panel.Locator("textarea[data-note-input], [data-note-input] textarea").Last.FillAsync("Kan du se på budgettet @" + director.Name[..3]);
        await panel.Locator($"[data-mention-option='{director.UserId}']").Last.ClickAsync();
        await Assertions.Expect(panel.Locator($"[data-mentioned='{director.UserId}']")).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        await panel.Locator("[data-action='save-note']").ClickAsync();
        await Assertions.Expect(panel.Locator("[data-note-body]").Last).ToContainTextAsync("Kan du se på budgettet @" + director.Name);

        var other = await fixture.NewPageAsync();
        await other.LoginAsync(DemoUsers.Director, "/assessments");
        await Assertions.Expect(other.Locator("[data-my-mentions]")).ToContainTextAsync(c.CaseNumber);
        await other.AssertNoSeriousAxeViolationsAsync();

        // The case page with the note on it, as the mentioned director reads it.
        await other.Locator($"[data-my-mentions] a[href='cases/{c.CaseNumber}']").First.ClickAsync();
        await Assertions.Expect(other.Locator("[data-notes-panel] [data-note-mentions]").Last).ToContainTextAsync(director.Name);
        await other.AssertNoSeriousAxeViolationsAsync();
    }
}
