using InnovationCases.Domain;
using InnovationCases.Domain.Rounds;
using InnovationCases.Tests.Support;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AssessmentsBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_caseworker_assigns_a_rounds_screened_cases_in_bulk_and_the_assessor_finds_them_under_mine_vurderinger()
    {
        // A round of its own, long past, so the bulk takes exactly these two cases.
        ApplicationRound round;
        await using (var db = await fixture.App.DbAsync())
        {
            round = new ApplicationRound { Name = "Browserrunde " + Guid.NewGuid().ToString("N")[..6], OpensOn = new(2001, 1, 1), Deadline = new(2001, 2, 1), TargetAnswerDate = new(2001, 3, 1) };
            db.Rounds.Add(round);
            await db.SaveChangesAsync();
        }

        var first = await Arrange.CaseAsync(fixture.App, Stage.Screened, leadCode: "BA", configure: c => c.RoundId = round.Id);
        var second = await Arrange.CaseAsync(fixture.App, Stage.Screened, leadCode: "MKB", configure: c => c.RoundId = round.Id);
        var mso = await fixture.App.ActorAsync("direktoer.mso@aarhus.example");

        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Caseworker, "/rounds");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ansøgningsrunder");
        await page.AssertNoSeriousAxeViolationsAsync();
        await page.Locator($"tr[data-round='{round.Id}'] [data-action='bulk-assign']").ClickAsync();
        var dialog = page.Locator("[data-assign-dialog]");
        await Assertions.Expect(dialog).ToContainTextAsync("2 screenede sager uden bedømmer");
        await dialog.Locator($"[data-candidate='{mso.UserId}'] label").First.ClickAsync();
        await dialog.Locator("input[data-due], [data-due] input").FillAsync(DanishTime.Today(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd"));
        await page.AssertNoSeriousAxeViolationsAsync();
        await page.Locator("[data-action='assign-save']").ClickAsync();
        await Assertions.Expect(page.GetByText("2 sager har fået en bedømmer.")).ToBeVisibleAsync();

        var assessor = await fixture.NewPageAsync();
        await assessor.LoginAsync("direktoer.mso@aarhus.example", "/assessments");
        await Assertions.Expect(assessor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mine vurderinger");
        var rows = assessor.Locator("[data-my-assessments] tbody tr");
        await Assertions.Expect(assessor.Locator($"tr[data-assessment-row='{first.CaseNumber}']")).ToContainTextAsync("Vurdering");
        await Assertions.Expect(assessor.Locator($"tr[data-assessment-row='{second.CaseNumber}']")).ToBeVisibleAsync();
        await Assertions.Expect(assessor.Locator("[data-assessments-badge]")).ToBeVisibleAsync();

        // Overdue rows come first.
        var overdue = await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.overdue)");
        Assert.Equal(overdue.OrderByDescending(o => o).ToArray(), overdue);
        await assessor.AssertNoSeriousAxeViolationsAsync();

        await assessor.Locator($"tr[data-assessment-row='{first.CaseNumber}'] a").ClickAsync();
        await Assertions.Expect(assessor.Locator("[data-assignments-panel]")).ToContainTextAsync(mso.Name);
        await assessor.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task The_advisory_member_sees_mine_vurderinger_but_not_the_board()
    {
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Panel, "/assessments");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mine vurderinger");
        await Assertions.Expect(page.Locator("[data-my-assessments] tbody tr").First).ToContainTextAsync("Rådgivning");
        await Assertions.Expect(page.Locator("nav a[href='board']")).ToHaveCountAsync(0);
        await page.AssertNoSeriousAxeViolationsAsync();
    }
}
