using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Assignments;
using InnovationCases.Features.Assignments;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Cases.Assessments;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Assignments;

public sealed class AssignmentServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private const string MbuDirector = "direktoer.mbu@aarhus.example";
    private const string MsoDirector = "direktoer.mso@aarhus.example";

    private TestApp App => fixture.App;
    private AssignmentService Assignments => App.AppServices.GetRequiredService<AssignmentService>();
    private AssignmentReader Reader => App.AppServices.GetRequiredService<AssignmentReader>();
    private static DateOnly InDays(int days) => DanishTime.Today(DateTime.UtcNow).AddDays(days);

    private async Task<CaseCommandResult> AssignAsync(InnovationCase c, DateOnly due, params string[] emails)
    {
        var ids = new List<string>();
        foreach (var e in emails)
        {
            ids.Add((await App.ActorAsync(e)).UserId);
        }

        return await Assignments.AssignAsync(c.CaseNumber, new AssignmentInput { UserIds = ids, DueDate = due }, await App.ActorAsync(DemoUsers.Caseworker));
    }

    private async Task<int> AssignmentCountAsync(InnovationCase c)
    {
        await using var db = await App.DbAsync();
        return await db.CaseAssignments.CountAsync(a => a.CaseId == c.Id);
    }

    [Fact]
    public async Task An_assessor_from_the_lead_or_a_partner_department_is_refused_with_the_reason_and_nothing_is_stored()
    {
        var led = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU");
        var partnered = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "BA", partnerCodes: ["MSO"]);

        var refusedLead = Assert.IsType<CaseCommandResult.Invalid>(await AssignAsync(led, InDays(7), MsoDirector, MbuDirector));
        var refusedPartner = Assert.IsType<CaseCommandResult.Invalid>(await AssignAsync(partnered, InDays(7), MsoDirector));

        Assert.Equal("Mette Holst er fra sagens lead- eller partnerafdeling og ser ikke sagen med friske øjne.", refusedLead.FieldErrors[AssignmentService.UsersField]);
        Assert.Contains("Anders Vinther", refusedPartner.FieldErrors[AssignmentService.UsersField]);
        Assert.Equal(0, await AssignmentCountAsync(led));
        Assert.Equal(0, await AssignmentCountAsync(partnered));
    }

    [Fact]
    public async Task Fresh_eyes_are_suggested_first_and_the_others_carry_their_reason()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU");

        var candidates = await Reader.CandidatesAsync(c.CaseNumber, AssignmentKind.Assessment, await App.ActorAsync(DemoUsers.Caseworker));

        Assert.Contains(candidates, x => x.Name == "Anders Vinther" && x.IsSuggested);
        var mbu = Assert.Single(candidates, x => x.Name == "Mette Holst");
        Assert.False(mbu.IsSuggested);
        Assert.True(candidates.ToList().FindIndex(x => !x.IsSuggested) > candidates.ToList().FindLastIndex(x => x.IsSuggested));
        Assert.Empty(await Reader.CandidatesAsync(c.CaseNumber, AssignmentKind.Assessment, await App.ActorAsync(DemoUsers.Director)));
    }

    [Fact]
    public async Task A_due_date_in_the_past_an_inactive_user_and_a_non_caseworker_are_refused()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "BA");
        await using (var db = await App.DbAsync())
        {
            db.Users.Add(new AppUser { UserName = "gone@aarhus.example", Email = "gone@aarhus.example", DisplayName = "Fratrådt Direktør", Role = Role.DirectorGroup, IsActive = false });
            await db.SaveChangesAsync();
        }

        var past = Assert.IsType<CaseCommandResult.Invalid>(await AssignAsync(c, InDays(-1), MsoDirector));
        var inactive = Assert.IsType<CaseCommandResult.Invalid>(await AssignAsync(c, InDays(3), "gone@aarhus.example"));
        var byDirector = await Assignments.AssignAsync(c.CaseNumber, new AssignmentInput { UserIds = [(await App.ActorAsync(MsoDirector)).UserId], DueDate = InDays(3) }, await App.ActorAsync(DemoUsers.Director));
        var panelAsAssessor = Assert.IsType<CaseCommandResult.Invalid>(await AssignAsync(c, InDays(3), DemoUsers.Panel));

        Assert.Equal("Fristen kan ikke ligge før i dag.", past.FieldErrors[AssignmentService.DueDateField]);
        Assert.Equal("Fratrådt Direktør er deaktiveret og kan ikke tildeles.", inactive.FieldErrors[AssignmentService.UsersField]);
        Assert.IsType<CaseCommandResult.Refused>(byDirector);
        Assert.Contains("kan ikke få opgaven vurdering", panelAsAssessor.FieldErrors[AssignmentService.UsersField]);
        Assert.Equal(0, await AssignmentCountAsync(c));
    }

    [Fact]
    public async Task A_declared_conflict_sets_the_assignment_aside_and_the_case_needs_another_assessor()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "BA");
        Assert.IsType<CaseCommandResult.Done>(await AssignAsync(c, InDays(5), MsoDirector));
        var mso = await App.ActorAsync(MsoDirector);

        var empty = Assert.IsType<CaseCommandResult.Invalid>(await Assignments.DeclareConflictAsync(c.CaseNumber, " ", mso));
        var declared = await Assignments.DeclareConflictAsync(c.CaseNumber, "Min bror er leverandør.", mso);
        var again = await Assignments.DeclareConflictAsync(c.CaseNumber, "Igen", mso);

        Assert.Equal("Skriv hvorfor du er inhabil.", empty.FieldErrors[AssignmentService.ReasonField]);
        Assert.IsType<CaseCommandResult.Done>(declared);
        Assert.IsType<CaseCommandResult.Refused>(again);
        var view = await Reader.ForCaseAsync(c.CaseNumber, await App.ActorAsync(DemoUsers.Caseworker));
        Assert.True(view!.NeedsAssessor);
        Assert.Equal("Min bror er leverandør.", Assert.Single(view.Rows).ConflictReason);
        await using var db = await App.DbAsync();
        Assert.Equal(1, await db.CaseEvents.CountAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.ConflictDeclared));
        Assert.Equal(1, await db.CaseEvents.CountAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.AssessorAssigned));
    }

    [Fact]
    public async Task The_assessment_completes_the_assignment_and_my_list_puts_overdue_first()
    {
        var later = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "BA");
        var soon = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "BA");
        Assert.IsType<CaseCommandResult.Done>(await AssignAsync(later, InDays(20), MsoDirector));
        Assert.IsType<CaseCommandResult.Done>(await AssignAsync(soon, InDays(0), MsoDirector));
        await using (var db = await App.DbAsync())
        {
            // Overdue: the due date has passed since it was assigned.
            await db.CaseAssignments.Where(a => a.CaseId == soon.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueDate, InDays(-3)));
        }

        var mso = await App.ActorAsync(MsoDirector);
        var mine = (await Reader.MineAsync(mso)).Where(r => r.CaseNumber == later.CaseNumber || r.CaseNumber == soon.CaseNumber).ToList();
        var before = await Reader.OpenCountAsync(mso);
        var input = new AssessmentInput { MainCriterionMet = true, Comment = "God idé." };
        foreach (var k in Enum.GetValues<Criterion>())
        {
            input.Scores[k] = 4;
        }

        Assert.IsType<CaseCommandResult.Done>(await App.AppServices.GetRequiredService<AssessmentService>().AddAsync(later.CaseNumber, input, mso));

        Assert.Equal([soon.CaseNumber, later.CaseNumber], mine.Select(r => r.CaseNumber));
        Assert.True(mine[0].IsOverdue);
        Assert.Equal(before - 1, await Reader.OpenCountAsync(mso));
        Assert.True((await Reader.MineAsync(mso)).Single(r => r.CaseNumber == later.CaseNumber).IsDone);
    }
}
