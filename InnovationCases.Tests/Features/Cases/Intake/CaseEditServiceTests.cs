using System.Text.Json;
using InnovationCases.Domain;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Cases.Intake;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using InnovationCases.Tests.Features.Cases;

namespace InnovationCases.Tests.Features.Cases.Intake;

public class CaseEditServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private CaseEditService Edits => App.AppServices.GetRequiredService<CaseEditService>();

    [Fact]
    public async Task Lead_department_staff_may_edit_while_Submitted_and_the_event_lists_old_and_new_values()
    {
        var c = await Arrange.CaseAsync(App, Stage.Submitted, leadCode: "MBU");
        var mbu = await App.ActorAsync(DemoUsers.Mbu);
        var loaded = await Edits.LoadAsync(c.CaseNumber, mbu);
        Assert.NotNull(loaded);
        var a = loaded.Value.Application;
        a.Title = "Ny titel";
        a.RequestedAmount = 650_000;

        var done = Assert.IsType<CaseCommandResult.Done>(await Edits.EditAsync(c.CaseNumber, a, mbu, loaded.Value.Version));

        Assert.Equal(c.Version + 1, done.Version);
        await using var db = await App.DbAsync();
        var ev = await db.CaseEvents.Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.Edited).SingleAsync();
        Assert.Equal(mbu.UserId, ev.ActorUserId);
        var changes = JsonSerializer.Deserialize<List<FieldChange>>(ev.DataJson!)!;
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, ch => ch.Field == nameof(CaseApplication.Title) && ch.Old == c.Title && ch.New == "Ny titel");
        Assert.Contains(changes, ch => ch.Field == nameof(CaseApplication.RequestedAmount) && ch.Old == "500.000 kr." && ch.New == "650.000 kr.");
    }

    [Fact]
    public async Task An_edit_after_screening_by_department_staff_is_refused()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU");
        var mbu = await App.ActorAsync(DemoUsers.Mbu);
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var a = (await Edits.LoadAsync(c.CaseNumber, caseworker))!.Value.Application;
        a.Title = "Ændret efter screening";

        var result = await Edits.EditAsync(c.CaseNumber, a, mbu, c.Version);

        Assert.IsType<CaseCommandResult.Refused>(result);
        Assert.Null(await Edits.LoadAsync(c.CaseNumber, mbu));
        await using var db = await App.DbAsync();
        Assert.Equal(c.Title, (await db.Cases.SingleAsync(x => x.Id == c.Id)).Title);
        Assert.False(await db.CaseEvents.AnyAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.Edited));
    }

    [Fact]
    public async Task A_caseworker_may_edit_after_screening_and_every_edit_writes_its_own_event()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MSO");
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);

        var first = (await Edits.LoadAsync(c.CaseNumber, caseworker))!.Value;
        first.Application.Risks = "Nye risici";
        var r1 = Assert.IsType<CaseCommandResult.Done>(await Edits.EditAsync(c.CaseNumber, first.Application, caseworker, first.Version));
        var second = (await Edits.LoadAsync(c.CaseNumber, caseworker))!.Value;
        second.Application.ExpectedAnnualGain = 300_000;
        Assert.IsType<CaseCommandResult.Done>(await Edits.EditAsync(c.CaseNumber, second.Application, caseworker, r1.Version));

        await using var db = await App.DbAsync();
        var events = await db.CaseEvents.Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.Edited).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, events.Count);
        Assert.Contains("Nye risici", events[0].DataJson);
        Assert.Contains("300.000 kr.", events[1].DataJson);
        Assert.Contains("250.000 kr.", events[1].DataJson);
    }

    [Fact]
    public async Task An_edit_from_an_old_version_is_a_conflict_and_changes_nothing()
    {
        var c = await Arrange.CaseAsync(App, Stage.Submitted, leadCode: "MBU");
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var loaded = (await Edits.LoadAsync(c.CaseNumber, caseworker))!.Value;
        loaded.Application.Title = "Først";
        Assert.IsType<CaseCommandResult.Done>(await Edits.EditAsync(c.CaseNumber, loaded.Application, caseworker, loaded.Version));

        loaded.Application.Title = "Sidst";
        var result = await Edits.EditAsync(c.CaseNumber, loaded.Application, caseworker, loaded.Version);

        Assert.IsType<CaseCommandResult.Conflict>(result);
        await using var db = await App.DbAsync();
        Assert.Equal("Først", (await db.Cases.SingleAsync(x => x.Id == c.Id)).Title);
    }

    [Fact]
    public async Task Staff_of_another_department_cannot_find_the_case_to_edit()
    {
        var c = await Arrange.CaseAsync(App, Stage.Submitted, leadCode: "MSO");
        var mbu = await App.ActorAsync(DemoUsers.Mbu);
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var a = (await Edits.LoadAsync(c.CaseNumber, caseworker))!.Value.Application;

        Assert.IsType<CaseCommandResult.NotFound>(await Edits.EditAsync(c.CaseNumber, a, mbu, c.Version));
    }

    [Fact]
    public async Task Partner_departments_and_external_partners_can_be_changed_and_are_listed_in_the_event()
    {
        var c = await Arrange.CaseAsync(App, Stage.Recommended, leadCode: "MBU", partnerCodes: ["MSO"]);
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        await using var db0 = await App.DbAsync();
        var mtm = await db0.Departments.Where(d => d.Code == "MTM").Select(d => d.Id).SingleAsync();
        var loaded = (await Edits.LoadAsync(c.CaseNumber, caseworker))!.Value;
        loaded.Application.PartnerDepartmentIds = [mtm];
        loaded.Application.ExternalPartners = [new ExternalPartnerInput { Name = "Aarhus Universitet", Kind = ApplicantType.EducationInstitution }];

        Assert.IsType<CaseCommandResult.Done>(await Edits.EditAsync(c.CaseNumber, loaded.Application, caseworker, loaded.Version));

        await using var db = await App.DbAsync();
        var saved = await db.Cases.Include(x => x.PartnerDepartments).Include(x => x.ExternalPartners).SingleAsync(x => x.Id == c.Id);
        Assert.Equal([mtm], saved.PartnerDepartments.Select(p => p.DepartmentId));
        Assert.Equal("Aarhus Universitet", Assert.Single(saved.ExternalPartners).Name);
        var ev = await db.CaseEvents.SingleAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.Edited);
        var changes = JsonSerializer.Deserialize<List<FieldChange>>(ev.DataJson!)!;
        Assert.Contains(changes, ch => ch.Field == nameof(CaseApplication.PartnerDepartmentIds) && ch.Old == "Sundhed og Omsorg" && ch.New == "Teknik og Miljø");
        Assert.Contains(changes, ch => ch.Field == nameof(CaseApplication.ExternalPartners) && ch.Old == "" && ch.New.Contains("Aarhus Universitet"));
    }
    [Fact]
    public async Task From_the_recommendation_on_money_pool_year_and_lead_department_are_locked_at_their_fields()
    {
        var c = await Arrange.CaseAsync(App, Stage.Recommended, leadCode: "MSO", requested: 800_000, recommended: 700_000);
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var loaded = (await Edits.LoadAsync(c.CaseNumber, caseworker))!.Value;
        Assert.Contains(nameof(CaseApplication.RequestedAmount), loaded.Locked);
        var a = loaded.Application;
        a.RequestedAmount = 100_000; // below the recommended amount
        a.PoolKind = PoolKind.LocalFunds; // into a pool without the council rule

        var result = await Edits.EditAsync(c.CaseNumber, a, caseworker, loaded.Version);

        var invalid = Assert.IsType<CaseCommandResult.Invalid>(result);
        Assert.Contains("kan ikke ændres, når sagen er indstillet", invalid.FieldErrors[nameof(CaseApplication.RequestedAmount)]);
        Assert.True(invalid.FieldErrors.ContainsKey(nameof(CaseApplication.PoolKind)));
        await using var db = await App.DbAsync();
        var stored = await db.Cases.Include(x => x.Pool).SingleAsync(x => x.Id == c.Id);
        Assert.Equal((800_000L, PoolKind.CrossCutting, c.Version), (stored.RequestedAmount, stored.Pool!.Kind, stored.Version));
    }

    [Fact]
    public async Task After_the_recommendation_the_text_may_still_be_corrected()
    {
        var c = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MSO");
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var loaded = (await Edits.LoadAsync(c.CaseNumber, caseworker))!.Value;
        loaded.Application.Summary = "Rettet resumé.";

        Assert.IsType<CaseCommandResult.Done>(await Edits.EditAsync(c.CaseNumber, loaded.Application, caseworker, loaded.Version));
    }

    [Theory]
    [InlineData(Stage.Evaluated)]
    [InlineData(Stage.Rejected)]
    [InlineData(Stage.Stopped)]
    public async Task Evaluated_and_closed_cases_are_read_only(Stage stage)
    {
        var c = await Arrange.CaseAsync(App, stage, leadCode: "MSO");
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var open = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MSO");
        var application = (await Edits.LoadAsync(open.CaseNumber, caseworker))!.Value.Application;

        Assert.Null(await Edits.LoadAsync(c.CaseNumber, caseworker));
        Assert.IsType<CaseCommandResult.Refused>(await Edits.EditAsync(c.CaseNumber, application, caseworker, c.Version));
    }
}
