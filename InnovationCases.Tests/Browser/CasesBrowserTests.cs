using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Moves;
using InnovationCases.Domain;
using InnovationCases.Features.Live;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CasesBrowserTests(BrowserFixture fixture)
{
    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    [Fact]
    public async Task Mbu_fills_in_and_submits_an_application_which_appears_in_Mine_sager()
    {
        var changes = new List<CaseChange>();
        using var subscription = fixture.App.AppServices.GetRequiredService<CaseChangeNotifier>()
            .Subscribe(c => { lock (changes) { changes.Add(c); } return Task.CompletedTask; });
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Mbu, "/cases/new");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ny ansøgning");
        await page.AssertNoSeriousAxeViolationsAsync();

        var year = DateTime.UtcNow.Year;
        await Field(page, "Projektets titel *").FillAsync("Legepladser med sensorer");
        await Field(page, "Kort resumé *").FillAsync("Sensorer viser, hvilke legepladser der bruges, så vedligehold kan planlægges.");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Digitalisering" }).CheckAsync();
        await Field(page, "Kontaktpersonens e-mail *").FillAsync("jonas.kjaer@aarhus.example");
        await Field(page, "Ansøgt beløb (kr.) *").FillAsync("600000");
        await Field(page, "Intern medfinansiering (kr.)").FillAsync("150000");
        await Field(page, "Startmåned *").FillAsync($"{year}-04");
        await Field(page, "Slutmåned *").FillAsync($"{year}-12");
        await Field(page, "Forventet årlig nettogevinst (kr.) *").FillAsync("300000");
        await Field(page, "Første år med gevinst *").FillAsync($"{year + 1}");
        await Field(page, "Sådan opstår gevinsten *").FillAsync("Færre unødvendige tilsynsbesøg.");
        await Field(page, "Risici *").FillAsync("Sensorerne kan blive ødelagt.");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Middel" }).CheckAsync();
        await Field(page, "Levedygtighed efter tilskuddets ophør *").FillAsync("Driften betales af besparelsen.");
        await Field(page, "Sådan dokumenteres og afrapporteres effekten *").FillAsync("Antal besøg før og efter.");
        await Assertions.Expect(page.Locator("[data-derived=payback]")).ToHaveTextAsync("2,0 år");

        await page.GetByRole(AriaRole.Button, new() { Name = "Indsend" }).ClickAsync();

        var confirmation = page.Locator("[data-submitted]");
        await Assertions.Expect(confirmation).ToContainTextAsync("INNO-");
        var caseNumber = (await confirmation.GetAttributeAsync("data-submitted"))!;
        await using (var db = await fixture.App.DbAsync())
        {
            var c = await db.Cases.SingleAsync(x => x.CaseNumber == caseNumber);
            Assert.Equal(Stage.Submitted, c.Stage);
            Assert.Equal("Legepladser med sensorer", c.Title);
            Assert.Equal(150_000, c.InternalCoFinancing);
        }

        lock (changes)
        {
            Assert.Contains(changes, c => c.CaseNumber == caseNumber && c.Kind == CaseEventKind.Created);
        }

        await page.GotoInteractiveAsync("/my-cases");
        var row = page.Locator($"[data-my-cases] tr[data-case-number='{caseNumber}']");
        await Assertions.Expect(row).ToContainTextAsync("Afventer screening");
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.GotoInteractiveAsync($"/cases/{caseNumber}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Legepladser med sensorer");
        await Assertions.Expect(page.Locator("[data-move=Withdraw]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-refused-move=Screen]")).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task Mbu_typing_another_departments_case_url_sees_not_found_and_none_of_its_data()
    {
        var mso = await Arrange.CaseAsync(fixture.App, Stage.Submitted, leadCode: "MSO",
            configure: c => { c.Title = "Hemmeligt MSO-projekt"; c.Summary = "Kun for Sundhed og Omsorg"; });
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Mbu, $"/cases/{mso.CaseNumber}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sagen findes ikke");
        await Assertions.Expect(page.Locator("[data-not-found]")).ToContainTextAsync("du har ikke adgang");
        var content = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("Hemmeligt MSO-projekt", content);
        Assert.DoesNotContain("Kun for Sundhed og Omsorg", content);
        Assert.DoesNotContain("Hemmeligt", await page.TitleAsync());
    }

    [Fact]
    public async Task Mbu_sees_only_Boern_og_Unges_cases_in_Mine_sager_and_cannot_open_the_grid()
    {
        await Arrange.CaseAsync(fixture.App, Stage.Screened, leadCode: "MSO", partnerCodes: ["MBU"]);
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Mbu, "/my-cases");
        await Assertions.Expect(page.Locator("[data-my-cases] tr[data-case-number]").First).ToBeVisibleAsync();

        var shown = await page.Locator("[data-my-cases] tr[data-case-number]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.caseNumber)");
        await using (var db = await fixture.App.DbAsync())
        {
            var mbuId = await db.Departments.Where(d => d.Code == "MBU").Select(d => d.Id).SingleAsync();
            var allowed = await db.Cases.Where(c => c.LeadDepartmentId == mbuId || c.PartnerDepartments.Any(p => p.DepartmentId == mbuId))
                .Select(c => c.CaseNumber).ToListAsync();
            Assert.NotEmpty(shown);
            Assert.All(shown, n => Assert.Contains(n, allowed));
        }

        await page.GotoInteractiveAsync("/cases");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ingen adgang");
        Assert.Equal(0, await page.Locator("[data-cases-grid]").CountAsync());
    }

    [Fact]
    public async Task The_caseworker_searches_the_grid_and_opens_the_knowledge_bank_without_accessibility_violations()
    {
        var c = await Arrange.CaseAsync(fixture.App, Stage.Screened, leadCode: "MTM", qualifyingAssessment: true,
            configure: x => x.Title = "Kvarterets regnvandsbede");
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Caseworker, "/cases");
        await Assertions.Expect(page.Locator("[data-cases-grid] tbody tr").First).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.GetByLabel("Søg", new() { Exact = true }).FillAsync("regnvandsbede");
        await Assertions.Expect(page.Locator("[data-cases-grid] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-cases-grid] tbody tr")).ToContainTextAsync(c.CaseNumber);

        await page.GotoInteractiveAsync("/learnings");
        await Assertions.Expect(page.Locator("[data-learning]").First).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.GotoInteractiveAsync($"/cases/{c.CaseNumber}");
        await Assertions.Expect(page.Locator("[data-assessments]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-move=SendBack]")).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task Mbu_edits_a_submitted_application_and_the_timeline_lists_the_change()
    {
        var c = await Arrange.CaseAsync(fixture.App, Stage.Submitted, leadCode: "MBU", configure: x => x.Title = "Før rettelsen");
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Mbu, $"/cases/{c.CaseNumber}");
        await page.Locator("[data-action=edit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(c.CaseNumber);
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.GetByLabel("Projektets titel *", new() { Exact = true }).FillAsync("Efter rettelsen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem ændringer" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Efter rettelsen");
        await Assertions.Expect(page.Locator("[data-timeline] [data-event=Edited]")).ToContainTextAsync("Projektets titel: Før rettelsen → Efter rettelsen");
    }

    [Fact]
    public async Task Mine_sager_updates_live_when_a_case_of_the_department_moves()
    {
        var c = await Arrange.CaseAsync(fixture.App, Stage.Submitted, leadCode: "MBU");
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Mbu, "/my-cases");
        var row = page.Locator($"[data-my-cases] tr[data-case-number='{c.CaseNumber}']");
        await Assertions.Expect(row).ToContainTextAsync("Afventer screening");

        var workflow = fixture.App.AppServices.GetRequiredService<InnovationCases.Features.Moves.CaseWorkflowService>();
        var moved = await workflow.FireAsync(c.CaseNumber, new ScreenData(), await fixture.App.ActorAsync(DemoUsers.Caseworker), c.Version);
        Assert.IsType<InnovationCases.Features.Moves.MoveResult.Moved>(moved);

        await Assertions.Expect(row).ToHaveAttributeAsync("data-stage", nameof(Stage.Screened));
        await Assertions.Expect(page.Locator($"[data-notifications] [data-notification='{c.CaseNumber}']")).ToContainTextAsync("Screenet (Indsendt → Screenet)");
    }

    [Fact]
    public async Task The_director_sees_the_assessment_form_and_the_lead_department_adds_an_effect_report()
    {
        var screened = await Arrange.CaseAsync(fixture.App, Stage.Screened, leadCode: "MSO");
        var director = await fixture.NewPageAsync();
        await director.LoginAsync(DemoUsers.Director, $"/cases/{screened.CaseNumber}");
        await Assertions.Expect(director.Locator("[data-assessment-form]")).ToBeVisibleAsync();
        await director.AssertNoSeriousAxeViolationsAsync();

        var granted = await Arrange.CaseAsync(fixture.App, Stage.Granted, leadCode: "MBU");
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Mbu, $"/cases/{granted.CaseNumber}");
        await Assertions.Expect(page.Locator("[data-effect-form]")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("[data-assessments]").CountAsync());
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.GetByLabel("Realiseret årlig gevinst (kr.)").FillAsync("125000");
        await page.GetByLabel("Hvad er der sket, og hvad er effekten?").FillAsync("Færre timer brugt på planlægning.");
        await page.Locator("[data-action=add-effect]").ClickAsync();

        await Assertions.Expect(page.Locator($"[data-effect-year='{DateTime.Now.Year}']")).ToContainTextAsync("125.000 kr.");
        await Assertions.Expect(page.Locator("[data-timeline] [data-event=EffectReported]")).ToBeVisibleAsync();
    }
}
