using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Cases.Intake;
using InnovationCases.Features.Dashboard;
using InnovationCases.Features.Live;
using InnovationCases.Features.Moves;
using InnovationCases.Features.Notifications;
using InnovationCases.Features.StageStats;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InnovationCases.Tests.Features.StageStats;

/// <summary>
/// The day rows the pipeline keeps equal the rows recomputed from the event log, after a random
/// sequence of submissions and moves (every trigger, stops, rejections, withdrawals) over several
/// days, on top of the demo data that the app rebuilt at start; and the dashboard's figures from the
/// rows equal those recomputed from the events.
/// </summary>
public sealed class StageDayMaintenanceTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private readonly SteppingClock _clock = new(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero));

    // No background fold: the moves' pending rows stay until a test folds them, so the dashboard is
    // read with rows pending too.
    public StageDayMaintenanceTests() => _app.Settings["StageStats:FoldMilliseconds"] = "0";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Maintained_rows_equal_the_rebuild_from_events_after_random_changes_over_several_days()
    {
        var (intake, moves) = Services();
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);
        var random = new Random(17);
        var cases = new List<(string Number, int Version)>();
        var made = 0;
        for (var step = 0; step < 320; step++)
        {
            // Mostly hours apart, now and then exactly at a midnight (the edge between two days).
            _clock.Now = random.Next(12) == 0
                ? new DateTimeOffset(_clock.Now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero)
                : _clock.Now.AddMinutes(random.Next(0, 120));
            if (cases.Count < 6 || random.Next(5) == 0)
            {
                var application = Applications.Valid();
                application.PoolKind = PoolKind.LocalFunds;
                var done = Assert.IsType<CaseCommandResult.Done>(await intake.SubmitAsync(application, caseworker));
                cases.Add((done.CaseNumber, done.Version));
                continue;
            }

            var i = random.Next(cases.Count);
            var (number, version) = cases[i];
            var options = await moves.GetMovesAsync(number, caseworker);
            var allowed = options!.Options.Where(o => o.Allowed).Select(o => o.Trigger).ToList();
            if (allowed.Count == 0)
            {
                continue;
            }

            // Closing moves are drawn less often, so that cases live long enough to travel.
            var trigger = allowed[random.Next(allowed.Count)];
            if (trigger is Trigger.Reject or Trigger.Withdraw or Trigger.Stop)
            {
                trigger = allowed[random.Next(allowed.Count)];
            }

            var result = await moves.FireAsync(number, DataFor(trigger), caseworker, version);
            var moved = Assert.IsType<MoveResult.Moved>(result);
            cases[i] = (number, moved.Version);
            made++;
        }

        Assert.True(made > 80, $"only {made} moves");
        await using var db = await _app.DbAsync();
        // Every change so far is pending: the dashboard reads the folded rows (the demo data's) and those.
        Assert.True(await db.PendingStageDays.CountAsync() > made);
        await AssertSameDashboardFiguresAsync(db, _clock.Now.UtcDateTime);

        var maintained = await StageDayRows.AssertEqualToRebuildAsync(db);
        Assert.Contains(maintained, d => d.Day > DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)));
        await AssertSameDashboardFiguresAsync(db, _clock.Now.UtcDateTime);
    }

    [Fact]
    public async Task The_demo_dashboard_shows_the_same_figures_from_the_day_rows_as_from_the_events()
    {
        await using var db = await _app.DbAsync();
        Assert.True(await db.StageDays.AnyAsync()); // rebuilt at start: the demo data was written behind the pipeline
        await AssertSameDashboardFiguresAsync(db, DateTime.UtcNow);
    }

    [Fact]
    public async Task Equally_long_stays_fill_the_slow_slots_the_same_whichever_commits_first()
    {
        // Four cases leave Screened after stays of equal length (ties) beside one longer stay: the
        // slots hold the longest, then the lowest case ids, in the fold of appended rows and in the
        // rebuild alike, for either commit order. Before the tie rule the first to commit kept the slot.
        var day = new DateTime(2031, 3, 4, 0, 0, 0, DateTimeKind.Utc);
        StageChange Left(int caseId, int hours) => new(caseId, day.AddHours(12), Stage.Recommended, Stage.Screened, day.AddHours(12 - hours));
        var changes = new[] { Left(41, 5), Left(7, 5), Left(23, 5), Left(90, 9), Left(12, 5) };
        var stored = new List<string>();
        foreach (var order in new[] { changes, changes.Reverse().ToArray() })
        {
            await using var db = await _app.DbAsync();
            await db.StageDays.Where(d => d.Day == DateOnly.FromDateTime(day)).ExecuteDeleteAsync();
            foreach (var change in order)
            {
                await StageDayWriter.ApplyAsync(db, change, default);
            }

            // The fold merges the appended rows in the order it reads them, whichever that is.
            Assert.Equal(order.Length * 2, await StageDayRows.FoldAsync(db));

            var screened = await db.StageDays.AsNoTracking().SingleAsync(d => d.Day == DateOnly.FromDateTime(day) && d.Stage == Stage.Screened);
            Assert.Equal([(9 * 3_600_000L, 90), (5 * 3_600_000L, 7), (5 * 3_600_000L, 12)], screened.SlowStays().ToArray());
            stored.AddRange(StageDayRows.Describe([screened]));

            var folded = new StageDay();
            foreach (var change in order)
            {
                folded.Leave(change.CaseId, StageDay.Ms(change.FromEnteredAt!.Value), StageDay.Ms(change.At));
            }

            Assert.Equal(screened.SlowStays().ToArray(), folded.SlowStays().ToArray());
        }

        Assert.Equal(stored[0], stored[1]);
    }

    [Fact]
    public async Task Folds_running_while_sixteen_writers_append_count_every_move_exactly_once()
    {
        // On PostgreSQL the writers append side by side and commit in any order, while folds take
        // what they see with DELETE … RETURNING; no change may be folded twice or left out.
        const int writers = 16;
        const int movesEach = 6;
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);
        var cases = new List<InnovationCase>();
        for (var i = 0; i < writers; i++)
        {
            cases.Add(await Arrange.CaseAsync(_app, Stage.Submitted, leadCode: "MTM"));
        }

        var appWriter = _app.AppServices.GetRequiredService<DbWriter>();
        await StageDayRebuild.RebuildAsync(appWriter);
        var factory = _app.AppServices.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var notifier = _app.AppServices.GetRequiredService<CaseChangeNotifier>();
        var writing = Task.WhenAll(cases.Select(c => Task.Run(async () =>
        {
            var pipeline = new CaseChangePipeline(new DbWriter(factory, NullLogger<DbWriter>.Instance), notifier, new LocalCaseChangeRelay(),
                new NotificationPlanner(Options.Create(new NotificationOptions())), TimeProvider.System, NullLogger<CaseChangePipeline>.Instance);
            var service = new CaseWorkflowService(factory, pipeline, TimeProvider.System);
            var version = c.Version;
            for (var m = 0; m < movesEach; m++)
            {
                MoveData data = m % 2 == 0 ? new ScreenData() : new SendBackData("Igen.");
                version = Assert.IsType<MoveResult.Moved>(await service.FireAsync(c.CaseNumber, data, caseworker, version)).Version;
            }
        })));
        var folds = 0;
        var folded = 0;
        while (!writing.IsCompleted)
        {
            folded += await StageDayFold.FoldAsync(appWriter);
            folds++;
        }

        await writing;
        Assert.True(folds > 1 && folded > 0, $"{folds} folds merged {folded} rows while the writers ran");
        await using var db = await _app.DbAsync();
        await StageDayRows.AssertEqualToRebuildAsync(db);
    }

    [Fact]
    public async Task The_rebuild_command_replaces_rows_that_drifted()
    {
        await using (var db = await _app.DbAsync())
        {
            await db.StageDays.ExecuteUpdateAsync(s => s.SetProperty(d => d.Entered, d => d.Entered + 5));
        }

        var output = new StringWriter();
        Assert.Equal(0, await DatabaseCommand.RunAsync(_app.AppServices, [DatabaseCommand.RebuildAggregates], output));

        await using var check = await _app.DbAsync();
        var rows = await check.StageDays.AsNoTracking().OrderBy(d => d.Day).ThenBy(d => d.Stage).ToListAsync();
        Assert.Equal(StageDayRows.Describe(StageDayRebuild.FromEvents(await StageDayRebuild.ReadEventsAsync(check, default))), StageDayRows.Describe(rows));
        Assert.Contains($"{rows.Count} day rows", output.ToString());
    }

    private static async Task AssertSameDashboardFiguresAsync(AppDbContext db, DateTime now)
    {
        var cases = db.Cases.AsNoTracking().ListedFor(DashboardLive.AllCasesReader);
        var points = DashboardMath.FlowPoints(now);
        var fromDays = await DayFigures.ComputeAsync(db, cases, points, now, default);
        var fromEvents = await EventFigures.ComputeAsync(db, cases, points, now, default);

        foreach (var stage in Enum.GetValues<Stage>())
        {
            Assert.Equal(fromEvents.Flow[stage], fromDays.Flow[stage]);
        }

        Assert.Contains(fromDays.Flow.Values, v => v[^1] > 0);
        Assert.Equal(fromEvents.TimeInStage.Select(t => t.Stage), fromDays.TimeInStage.Select(t => t.Stage));
        foreach (var (expected, actual) in fromEvents.TimeInStage.Zip(fromDays.TimeInStage))
        {
            // Days from whole milliseconds on one side and from ticks on the other (both instants of a
            // stay cut to the millisecond): equal within two, not to a number of decimals, which
            // splits at a rounding boundary now and then.
            const double millisecond = 1.0 / 86_400_000;
            Assert.Equal(expected.MeanDays.HasValue, actual.MeanDays.HasValue);
            Assert.Equal(expected.MeanDays ?? 0, actual.MeanDays ?? 0, 2 * millisecond);
            Assert.Equal(expected.Slowest.Count, actual.Slowest.Count);
            foreach (var (e, a) in expected.Slowest.Zip(actual.Slowest))
            {
                Assert.Equal(e.Days, a.Days, 2 * millisecond);
            }

            Assert.Equal(expected.Slowest.Select(s => s.Ongoing), actual.Slowest.Select(s => s.Ongoing));
        }
    }

    private static MoveData DataFor(Trigger trigger) => trigger switch
    {
        Trigger.Screen => new ScreenData(),
        Trigger.SendBack => new SendBackData("Uddyb business casen."),
        Trigger.Recommend => new RecommendData(20_000),
        Trigger.Grant => new GrantData(10_000, null, null),
        Trigger.Complete => new CompleteData("Gennemført som planlagt.", 9_000),
        Trigger.Evaluate => new EvaluateData(5_000, "Færre manuelle trin.", "Start småt.", true),
        Trigger.Stop => new StopData("Ingen effekt.", "Stop tidligt.", 4_000),
        Trigger.Reject => new RejectData("Uden for rammen."),
        _ => new WithdrawData("Vi trækker den."),
    };

    // The app's own services, with a clock the test moves forward.
    private (IntakeService, CaseWorkflowService) Services()
    {
        var s = _app.AppServices;
        var factory = s.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var writer = s.GetRequiredService<DbWriter>();
        var pipeline = new CaseChangePipeline(writer, s.GetRequiredService<CaseChangeNotifier>(), s.GetRequiredService<ICaseChangeRelay>(), s.GetRequiredService<NotificationPlanner>(),
            _clock, NullLogger<CaseChangePipeline>.Instance);
        return (new IntakeService(factory, writer, _clock, pipeline), new CaseWorkflowService(factory, pipeline, _clock));
    }

    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
