using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Cases.Intake;
using InnovationCases.Features.Live;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using InnovationCases.Tests.Features.Cases;

namespace InnovationCases.Tests.Features.Cases.Intake;

public class IntakeServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private IntakeService Intake => App.AppServices.GetRequiredService<IntakeService>();

    private async Task<int> DepartmentIdAsync(string code)
    {
        await using var db = await App.DbAsync();
        return await db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task Submitting_creates_a_Submitted_case_with_number_and_Created_event_and_publishes_the_change()
    {
        var mbu = await App.ActorAsync(DemoUsers.Mbu);
        var changes = new List<CaseChange>();
        using var sub = App.AppServices.GetRequiredService<CaseChangeNotifier>().Subscribe(c => { changes.Add(c); return Task.CompletedTask; });

        var result = await Intake.SubmitAsync(Applications.Valid(await DepartmentIdAsync("MBU")), mbu);

        var done = Assert.IsType<CaseCommandResult.Done>(result);
        Assert.Matches(@"^INNO-\d{4}-\d{4}$", done.CaseNumber);
        await using var db = await App.DbAsync();
        var c = await db.Cases.SingleAsync(x => x.CaseNumber == done.CaseNumber);
        Assert.Equal(Stage.Submitted, c.Stage);
        Assert.Equal(mbu.UserId, c.CreatedByUserId);
        var events = await db.CaseEvents.Where(e => e.CaseId == c.Id).ToListAsync();
        Assert.Equal(CaseEventKind.Created, Assert.Single(events).Kind);
        Assert.Contains(changes, ch => ch.CaseNumber == done.CaseNumber && ch.Kind == CaseEventKind.Created && ch.ToStage == Stage.Submitted);
    }

    [Fact]
    public async Task Department_staff_always_apply_for_their_own_department()
    {
        var mbu = await App.ActorAsync(DemoUsers.Mbu);
        var result = await Intake.SubmitAsync(Applications.Valid(await DepartmentIdAsync("MSO")), mbu);

        var done = Assert.IsType<CaseCommandResult.Done>(result);
        await using var db = await App.DbAsync();
        var c = await db.Cases.SingleAsync(x => x.CaseNumber == done.CaseNumber);
        Assert.Equal(await DepartmentIdAsync("MBU"), c.LeadDepartmentId);
    }

    [Fact]
    public async Task The_server_validates_again_and_refuses_negative_and_absurd_amounts()
    {
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var a = Applications.Valid(await DepartmentIdAsync("MBU"));
        a.RequestedAmount = -5;
        a.InternalCoFinancing = -1;
        a.ExpectedAnnualGain = 5_000_000_000;

        var invalid = Assert.IsType<CaseCommandResult.Invalid>(await Intake.SubmitAsync(a, caseworker));

        Assert.Contains("større end 0", invalid.FieldErrors[nameof(CaseApplication.RequestedAmount)]);
        Assert.Contains("negativ", invalid.FieldErrors[nameof(CaseApplication.InternalCoFinancing)]);
        Assert.Contains("1.000.000.000 kr.", invalid.FieldErrors[nameof(CaseApplication.ExpectedAnnualGain)]);
    }

    [Fact]
    public async Task A_megabyte_of_text_is_refused_with_a_length_message()
    {
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var a = Applications.Valid(await DepartmentIdAsync("MBU"));
        a.Summary = new string('x', 1024 * 1024);

        var invalid = Assert.IsType<CaseCommandResult.Invalid>(await Intake.SubmitAsync(a, caseworker));

        Assert.Contains("højst være 2.000 tegn", invalid.FieldErrors[nameof(CaseApplication.Summary)]);
    }

    [Fact]
    public async Task Hostile_markup_is_stored_as_the_plain_text_that_was_typed()
    {
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var a = Applications.Valid(await DepartmentIdAsync("MBU"));
        a.Title = "<script>alert('x')</script> Projekt";
        a.Summary = "<img src=x onerror=alert(1)> <b>fed</b>";

        var done = Assert.IsType<CaseCommandResult.Done>(await Intake.SubmitAsync(a, caseworker));

        await using var db = await App.DbAsync();
        var c = await db.Cases.SingleAsync(x => x.CaseNumber == done.CaseNumber);
        Assert.Equal("<script>alert('x')</script> Projekt", c.Title);
        Assert.Equal("<img src=x onerror=alert(1)> <b>fed</b>", c.Summary);
    }

    [Fact]
    public async Task A_manager_cannot_submit_applications()
    {
        var manager = await App.ActorAsync(DemoUsers.Manager);
        var result = await Intake.SubmitAsync(Applications.Valid(await DepartmentIdAsync("MBU")), manager);
        Assert.IsType<CaseCommandResult.Refused>(result);
    }

    [Fact]
    public async Task A_draft_is_resumed_by_its_author_only_and_removed_when_submitted()
    {
        var mbu = await App.ActorAsync(DemoUsers.Mbu);
        var mso = await App.ActorAsync(DemoUsers.Mso);
        var a = Applications.Valid(await DepartmentIdAsync("MBU"));
        a.Title = "Halvfærdig idé";
        a.RequestedAmount = null;

        var (id, error) = await Intake.SaveDraftAsync(null, a, mbu);
        Assert.Null(error);
        Assert.NotNull(id);

        var resumed = await Intake.LoadDraftAsync(id!.Value, mbu);
        Assert.Equal("Halvfærdig idé", resumed?.Title);
        Assert.Null(await Intake.LoadDraftAsync(id.Value, mso));
        Assert.Contains(await Intake.DraftsAsync(mbu), d => d.Id == id);
        Assert.DoesNotContain(await Intake.DraftsAsync(mso), d => d.Id == id);

        resumed!.RequestedAmount = 300_000;
        Assert.IsType<CaseCommandResult.Done>(await Intake.SubmitAsync(resumed, mbu, id));
        Assert.DoesNotContain(await Intake.DraftsAsync(mbu), d => d.Id == id);
    }
}
