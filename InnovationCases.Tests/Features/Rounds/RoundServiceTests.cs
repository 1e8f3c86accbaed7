using InnovationCases.Domain;
using InnovationCases.Domain.Rounds;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Assignments;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Cases.Intake;
using InnovationCases.Features.Rounds;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Rounds;

public class RoundServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private T Get<T>() where T : notnull => App.AppServices.GetRequiredService<T>();
    private static DateOnly Today => DanishTime.Today(DateTime.UtcNow);

    /// <summary>A round long past, so it overlaps nothing the demo data or other tests hold.</summary>
    private async Task<ApplicationRound> PastRoundAsync(int year)
    {
        await using var db = await App.DbAsync();
        var round = new ApplicationRound { Name = $"Runde {year}", OpensOn = new(year, 1, 1), Deadline = new(year, 2, 1), TargetAnswerDate = new(year, 3, 1) };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        return round;
    }

    private Task<InnovationCase> CaseInAsync(ApplicationRound round, string lead, Stage stage = Stage.Screened, params string[] partners) =>
        Arrange.CaseAsync(App, stage, leadCode: lead, partnerCodes: partners, configure: c => c.RoundId = round.Id);

    [Fact]
    public async Task Creating_an_overlapping_round_or_one_with_the_deadline_first_stores_nothing()
    {
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var rounds = Get<RoundService>();
        var before = (await rounds.ListAsync(caseworker)).Count;

        var overlap = await rounds.CreateAsync(new RoundInput { Name = "Ny", OpensOn = Today, Deadline = Today.AddDays(10), TargetDaysAfterDeadline = 30 }, caseworker);
        var backwards = await rounds.CreateAsync(new RoundInput { Name = "Ny", OpensOn = Today.AddYears(3), Deadline = Today.AddYears(3).AddDays(-1), TargetDaysAfterDeadline = 30 }, caseworker);
        var byDirector = await rounds.CreateAsync(new RoundInput { Name = "Ny", OpensOn = Today.AddYears(4), Deadline = Today.AddYears(4).AddDays(9), TargetDaysAfterDeadline = 30 }, await App.ActorAsync(DemoUsers.Director));

        Assert.StartsWith("Runden overlapper Runde 1", overlap.Errors[nameof(RoundInput.OpensOn)]);
        Assert.Equal("Fristen kan ikke ligge før åbningsdatoen.", backwards.Errors[nameof(RoundInput.Deadline)]);
        Assert.Equal("Kun sagsbehandlere kan oprette runder.", byDirector.Refusal);
        Assert.Equal(before, (await rounds.ListAsync(caseworker)).Count);

        var created = await rounds.CreateAsync(new RoundInput { Name = "Næste år", OpensOn = Today.AddYears(5), Deadline = Today.AddYears(5).AddDays(30), TargetDaysAfterDeadline = 42 }, caseworker);
        Assert.True(created.Created);
        Assert.Equal(before + 1, (await rounds.ListAsync(caseworker)).Count);
    }

    [Fact]
    public async Task A_cross_cutting_application_joins_the_open_round_and_none_joins_between_rounds()
    {
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var (open, _) = await Get<RoundService>().CurrentAsync();

        var done = Assert.IsType<CaseCommandResult.Done>(await Get<IntakeService>().SubmitAsync(Applications.Valid(), caseworker));

        await using var db = await App.DbAsync();
        Assert.NotNull(open);
        Assert.Equal(open.Id, await db.Cases.Where(c => c.CaseNumber == done.CaseNumber).Select(c => c.RoundId).SingleAsync());
        var (id, refusal) = await IntakeService.RoundFor(db, PoolKind.CrossCutting, Today.AddYears(10), default);
        Assert.Null(id);
        Assert.Equal("Den tværgående pulje tager ikke imod ansøgninger nu, og der er ingen kommende runde. Du kan gemme en kladde.", refusal);
        Assert.Equal((null, null), await IntakeService.RoundFor(db, PoolKind.LocalFunds, Today.AddYears(10), default));
    }

    [Fact]
    public async Task Answer_time_runs_from_the_deadline_to_the_last_decision_on_the_rounds_cases()
    {
        var round = await PastRoundAsync(2002);
        var rejected = await CaseInAsync(round, "BA", Stage.Rejected);
        var recommended = await CaseInAsync(round, "MKB", Stage.Recommended);
        await using (var db = await App.DbAsync())
        {
            db.CaseEvents.AddRange(
                Decision(rejected.Id, Trigger.Reject, new DateTime(2002, 2, 10, 10, 0, 0, DateTimeKind.Utc)),
                Decision(recommended.Id, Trigger.Recommend, new DateTime(2002, 3, 5, 10, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        }

        var summary = (await Get<RoundService>().ListAsync(await App.ActorAsync(DemoUsers.Manager))).Single(r => r.Id == round.Id);

        Assert.Equal(32, summary.AnswerDays);
        Assert.Equal(28, summary.TargetDays);
        Assert.Equal(4, summary.DaysOverTarget);
        Assert.Equal(1, summary.CasesByStage[Stage.Rejected]);
        Assert.Empty(await Get<RoundService>().ListAsync(await App.ActorAsync(DemoUsers.Panel)));
    }

    [Fact]
    public async Task Bulk_assignment_spreads_the_rounds_screened_cases_evenly_with_fresh_eyes()
    {
        var round = await PastRoundAsync(2003);
        var cases = new List<InnovationCase>();
        foreach (var lead in new[] { "MBU", "MSO", "BA", "MKB" })
        {
            cases.Add(await CaseInAsync(round, lead));
        }

        await CaseInAsync(round, "MTM", Stage.Submitted); // not screened: not part of the bulk
        var mbu = await App.ActorAsync("direktoer.mbu@aarhus.example");
        var mso = await App.ActorAsync("direktoer.mso@aarhus.example");
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var bulk = Get<BulkAssignmentService>();

        var (count, _) = await bulk.PrepareAsync(round.Id, caseworker);
        var result = await bulk.AssignAsync(round.Id, new AssignmentInput { UserIds = [mbu.UserId, mso.UserId], DueDate = Today.AddDays(14) }, caseworker);

        Assert.Equal(4, count);
        Assert.Equal("4 sager har fået en bedømmer.", Assert.IsType<CaseCommandResult.Done>(result).Message);
        await using var db = await App.DbAsync();
        var ids = cases.Select(c => c.Id).ToList();
        var assigned = await db.CaseAssignments.Where(a => ids.Contains(a.CaseId)).ToListAsync();
        Assert.Equal(4, assigned.Count);
        Assert.Equal(mso.UserId, assigned.Single(a => a.CaseId == cases[0].Id).UserId);
        Assert.Equal(mbu.UserId, assigned.Single(a => a.CaseId == cases[1].Id).UserId);
        Assert.Equal(2, assigned.Count(a => a.UserId == mbu.UserId));
        Assert.Equal(4, await db.CaseEvents.CountAsync(e => ids.Contains(e.CaseId) && e.Kind == CaseEventKind.AssessorAssigned));
        Assert.Equal(0, (await bulk.PrepareAsync(round.Id, caseworker)).CaseCount);
    }

    [Fact]
    public async Task Bulk_assignment_where_a_case_has_nobody_with_fresh_eyes_names_it_and_stores_nothing()
    {
        var round = await PastRoundAsync(2004);
        await CaseInAsync(round, "BA");
        var stuck = await CaseInAsync(round, "MBU", Stage.Screened, "MSO");
        var mbu = await App.ActorAsync("direktoer.mbu@aarhus.example");
        var mso = await App.ActorAsync("direktoer.mso@aarhus.example");
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);

        var result = await Get<BulkAssignmentService>().AssignAsync(round.Id, new AssignmentInput { UserIds = [mbu.UserId, mso.UserId], DueDate = Today }, caseworker);

        var invalid = Assert.IsType<CaseCommandResult.Invalid>(result);
        Assert.Equal($"Ingen af de valgte har friske øjne på {stuck.CaseNumber}.", invalid.FieldErrors[AssignmentService.UsersField]);
        await using var db = await App.DbAsync();
        Assert.False(await db.CaseAssignments.AnyAsync(a => a.Case!.RoundId == round.Id));
    }

    private static CaseEvent Decision(int caseId, Trigger trigger, DateTime at) => new()
    {
        CaseId = caseId, Kind = CaseEventKind.Moved, Trigger = trigger, FromStage = Stage.Screened, ToStage = Stage.Rejected,
        ActorUserId = "dg", ActorName = "Direktør", At = at,
    };
}
