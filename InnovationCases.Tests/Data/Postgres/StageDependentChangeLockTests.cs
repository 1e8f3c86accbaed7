using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Cases.Assessments;
using InnovationCases.Features.Moves;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InnovationCases.Tests.Data.Postgres;

/// <summary>
/// A move runs at READ COMMITTED on PostgreSQL and an assessment at SERIALIZABLE; the assessment is
/// allowed only while the case is Screened and writes no case row, so serializable conflict detection
/// alone does not see a move of the same case. The case row's <c>FOR SHARE</c> lock
/// (<see cref="CaseRowLocks"/>) makes them take turns.
/// </summary>
public sealed class StageDependentChangeLockTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TestApp _app = new(demoData: true, provider: DatabaseProvider.Postgres);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_move_waits_for_an_open_assessment_so_it_is_never_stored_against_a_stage_that_no_longer_allows_it()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Screened, leadCode: "MBU");
        var director = await DirectorFromAsync("MTM");
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);
        var input = new AssessmentInput
        {
            MainCriterionMet = true,
            Scores = Enum.GetValues<Criterion>().ToDictionary(k => k, _ => (int?)4),
            Comment = "Godt projekt",
        };

        // Hold the assessment open after it has read the case and checked its stage: a table lock
        // that lets it read, but makes its INSERT wait until this transaction ends.
        await using var holder = new NpgsqlConnection(_app.PostgresConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, """LOCK TABLE "Assessments" IN SHARE MODE""");

        var assessment = Task.Run(() => _app.AppServices.GetRequiredService<AssessmentService>().AddAsync(c.CaseNumber, input, director));
        await WaitUntilAsync(async () => assessment.IsCompleted || await WaitingForLocksAsync() >= 1);
        Assert.False(assessment.IsCompleted, "the assessment should be held at its INSERT");

        var move = Task.Run(() => _app.AppServices.GetRequiredService<CaseWorkflowService>()
            .FireAsync(c.CaseNumber, new RejectData("Projektet ligger uden for puljens formål."), caseworker, c.Version));
        await WaitUntilAsync(async () => move.IsCompleted || await WaitingForLocksAsync() >= 2);
        var moveFinishedFirst = move.IsCompleted;

        await hold.RollbackAsync();
        var assessed = await assessment;
        var moved = await move;

        // Without the lock the move commits Rejected while the assessment is open, and the assessment
        // then commits a Screened-only score on a rejected case.
        Assert.False(moveFinishedFirst, "the move must wait for the assessment of the stage it changes");
        Assert.IsType<CaseCommandResult.Done>(assessed);
        Assert.IsType<MoveResult.Moved>(moved);
        await using var db = await _app.DbAsync();
        var events = await db.CaseEvents.Where(e => e.CaseId == c.Id).OrderBy(e => e.Id).Select(e => new { e.Kind, e.FromStage, e.ToStage }).ToListAsync();
        var assessedEvent = events.Single(e => e.Kind == CaseEventKind.Assessed);
        Assert.Equal(Stage.Screened, assessedEvent.FromStage);
        Assert.True(events.IndexOf(assessedEvent) < events.FindIndex(e => e.Kind == CaseEventKind.Moved && e.ToStage == Stage.Rejected));
        Assert.Equal(Stage.Rejected, (await db.Cases.SingleAsync(x => x.Id == c.Id)).Stage);
    }

    [Fact]
    public async Task An_assessment_after_a_committed_move_is_refused_with_the_stage_reason()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Screened, leadCode: "MBU");
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);
        Assert.IsType<MoveResult.Moved>(await _app.AppServices.GetRequiredService<CaseWorkflowService>()
            .FireAsync(c.CaseNumber, new RejectData("Projektet ligger uden for puljens formål."), caseworker, c.Version));

        var input = new AssessmentInput
        {
            MainCriterionMet = true,
            Scores = Enum.GetValues<Criterion>().ToDictionary(k => k, _ => (int?)4),
            Comment = "Godt projekt",
        };
        var result = await _app.AppServices.GetRequiredService<AssessmentService>().AddAsync(c.CaseNumber, input, await DirectorFromAsync("MTM"));

        Assert.IsType<CaseCommandResult.Refused>(result);
        await using var db = await _app.DbAsync();
        Assert.False(await db.Assessments.AnyAsync(a => a.CaseId == c.Id));
    }

    private async Task<Actor> DirectorFromAsync(string code)
    {
        await using var db = await _app.DbAsync();
        var id = await db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
        return new Actor("director-" + code, "Direktør fra " + code, Role.DirectorGroup, id);
    }

    /// <summary>Server processes of this database that wait for a lock now.</summary>
    private async Task<long> WaitingForLocksAsync()
    {
        await using var connection = new NpgsqlConnection(_app.PostgresConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()", connection);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition was not met in time");
            await Task.Delay(20);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
