using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Features.Dashboard;
using InnovationCases.Features.Live;
using InnovationCases.Features.Moves;
using InnovationCases.Features.Notifications;
using InnovationCases.Features.StageStats;
using InnovationCases.Tests.Features.Moves;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InnovationCases.Tests.Features.Dashboard;

/// <summary>
/// The wait for a decision kept on the case (<see cref="DecisionWaits"/>): what the Grant and Reject
/// moves write equals the wait their stored events give, to the tick, and equals what the rebuild
/// recomputes from the events.
/// </summary>
public class DecisionWaitTests(CaseWorkflowServiceTests.App app) : IClassFixture<CaseWorkflowServiceTests.App>
{
    private readonly TestApp _app = app.Inner;

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }

    // Moves at a chosen instant, with a fraction below a microsecond, which PostgreSQL does not keep.
    private CaseWorkflowService WorkflowAt(DateTime now)
    {
        var clock = new FixedClock(now);
        var factory = _app.AppServices.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var pipeline = new CaseChangePipeline(new DbWriter(factory, NullLogger<DbWriter>.Instance), _app.AppServices.GetRequiredService<CaseChangeNotifier>(),
            new LocalCaseChangeRelay(), new NotificationPlanner(Options.Create(new NotificationOptions())), clock, NullLogger<CaseChangePipeline>.Instance);
        return new CaseWorkflowService(factory, pipeline, clock);
    }

    private static DateTime Later(int hours) =>
        new DateTime(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddHours(hours).AddTicks(1_234_567);

    [Fact]
    public async Task A_grant_and_a_rejection_keep_the_wait_their_stored_events_give()
    {
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);
        var granted = await Arrange.CaseAsync(_app, Stage.Recommended, leadCode: "MBU", localFunds: true, requested: 1_000);
        var rejected = await Arrange.CaseAsync(_app, Stage.Submitted);
        var undecided = await Arrange.CaseAsync(_app, Stage.Submitted);

        Assert.IsType<MoveResult.Moved>(await WorkflowAt(Later(5)).FireAsync(granted.CaseNumber, new GrantData(1_000, null, null), caseworker, granted.Version));
        Assert.IsType<MoveResult.Moved>(await WorkflowAt(Later(30)).FireAsync(rejected.CaseNumber, new RejectData("Ikke nyt nok."), caseworker, rejected.Version));
        Assert.IsType<MoveResult.Moved>(await WorkflowAt(Later(31)).FireAsync(undecided.CaseNumber, new ScreenData(), caseworker, undecided.Version));

        await using var db = await _app.DbAsync();
        foreach (var (c, trigger) in new[] { (granted, Trigger.Grant), (rejected, Trigger.Reject) })
        {
            var row = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id);
            var decision = await db.CaseEvents.AsNoTracking().SingleAsync(e => e.CaseId == c.Id && e.Trigger == trigger);
            Assert.Equal((decision.At - row.SubmittedAt).Ticks, row.DecisionWaitTicks);
            Assert.True(row.DecisionWaitTicks > TimeSpan.TicksPerHour * 4);
        }

        Assert.Null((await db.Cases.AsNoTracking().SingleAsync(x => x.Id == undecided.Id)).DecisionWaitTicks);
    }

    [Fact]
    public async Task The_waits_the_moves_keep_equal_those_the_rebuild_computes_from_the_events()
    {
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);
        var c = await Arrange.CaseAsync(_app, Stage.Submitted);
        Assert.IsType<MoveResult.Moved>(await WorkflowAt(Later(2)).FireAsync(c.CaseNumber, new RejectData("Uden for rammen."), caseworker, c.Version));

        Dictionary<int, long?> Waits(AppDbContext db) =>
            db.Cases.AsNoTracking().OrderBy(x => x.Id).ToDictionary(x => x.Id, x => x.DecisionWaitTicks);
        Dictionary<int, long?> kept;
        await using (var db = await _app.DbAsync())
        {
            kept = Waits(db);
        }

        await StageDayRebuild.RebuildAsync(_app.AppServices.GetRequiredService<DbWriter>());

        await using (var db = await _app.DbAsync())
        {
            var rebuilt = Waits(db);
            Assert.True(rebuilt.Values.Count(w => w is not null) > 5, "the demo data and the move have decided cases");
            Assert.NotNull(rebuilt[c.Id]);
            Assert.Equal(kept, rebuilt);
        }
    }
}
