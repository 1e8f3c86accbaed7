using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Features.Moves;
using InnovationCases.Features.Live;
using InnovationCases.Features.Notifications;
using InnovationCases.Features.StageStats;
using InnovationCases.Tests.Features.StageStats;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InnovationCases.Tests.Features.Moves;

public class CaseWorkflowServiceTests : IClassFixture<CaseWorkflowServiceTests.App>, IDisposable
{
    public class App : IDisposable
    {
        public App()
            : this(null)
        {
        }

        /// <summary>For the provider matrix (Data/Postgres/ProviderMatrix.cs).</summary>
        protected App(InnovationCases.Data.DatabaseProvider? provider) => Inner = new(demoData: true, provider: provider);

        public TestApp Inner { get; }

        public void Dispose() => Inner.Dispose();
    }

    private readonly TestApp _app;
    private readonly CaseWorkflowService _workflow;
    private readonly List<CaseChange> _published = [];
    private readonly IDisposable _subscription;

    public CaseWorkflowServiceTests(App app)
    {
        _app = app.Inner;
        _workflow = _app.AppServices.GetRequiredService<CaseWorkflowService>();
        _subscription = _app.AppServices.GetRequiredService<CaseChangeNotifier>().Subscribe(change =>
        {
            lock (_published)
            {
                _published.Add(change);
            }

            return Task.CompletedTask;
        });
    }

    public void Dispose() => _subscription.Dispose();

    [Fact]
    public async Task A_move_changes_the_stage_and_writes_its_event_with_the_actor()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Submitted);
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);

        var result = await _workflow.FireAsync(c.CaseNumber, new ScreenData(), caseworker, c.Version);

        var moved = Assert.IsType<MoveResult.Moved>(result);
        Assert.Equal(Stage.Screened, moved.To);
        Assert.Equal(c.Version + 1, moved.Version);
        await using var db = await _app.DbAsync();
        var ev = await db.CaseEvents.Where(e => e.CaseId == c.Id).OrderBy(e => e.Id).LastAsync();
        Assert.Equal((Stage.Submitted, Stage.Screened, Trigger.Screen, "Sara Lund"), (ev.FromStage!.Value, ev.ToStage, ev.Trigger!.Value, ev.ActorName));
        Assert.Equal(Stage.Screened, (await db.Cases.SingleAsync(x => x.Id == c.Id)).Stage);
        lock (_published)
        {
            Assert.Contains(_published, p => p.CaseNumber == c.CaseNumber && p.ToStage == Stage.Screened);
        }
    }

    [Fact]
    public async Task A_refused_move_stores_neither_stage_nor_event()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Submitted);
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);

        var result = await _workflow.FireAsync(c.CaseNumber, new GrantData(500_000, null, null), caseworker, c.Version);

        var refused = Assert.IsType<MoveResult.Refused>(result);
        Assert.Equal("»Bevilg« er ikke muligt fra stadiet Indsendt.", refused.Reasons.Single());
        await AssertUnchangedAsync(c);
    }

    [Fact]
    public async Task A_move_whose_save_fails_is_refused_in_Danish_and_stores_neither_stage_nor_event()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Submitted, leadCode: "MKB");
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);
        await using (var db = await _app.DbAsync())
        {
            // A trigger that makes the event's insert fail, as a full disk or a crash would.
            var sql = _app.Provider == InnovationCases.Data.DatabaseProvider.Postgres
                ? $"CREATE FUNCTION fail_event_{c.Id}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.\"CaseId\" = {c.Id} THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$;" +
                  $"CREATE TRIGGER fail_event_{c.Id} BEFORE INSERT ON \"CaseEvents\" FOR EACH ROW EXECUTE FUNCTION fail_event_{c.Id}();"
                : "CREATE TRIGGER fail_event_" + c.Id + " BEFORE INSERT ON CaseEvents WHEN NEW.CaseId = " + c.Id +
                  " BEGIN SELECT RAISE(ABORT, 'disk full'); END;";
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        var result = await _workflow.FireAsync(c.CaseNumber, new ScreenData(), caseworker, c.Version);

        var refused = Assert.IsType<MoveResult.Refused>(result);
        Assert.StartsWith("Ændringen kunne ikke gemmes, fordi databasen fejlede", refused.Reasons.Single());

        await AssertUnchangedAsync(c);
    }

    [Fact]
    public async Task Two_actors_with_the_same_version_one_moves_the_other_gets_a_conflict()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Submitted);
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);
        var mbu = await _app.ActorAsync(DemoUsers.Mbu);

        var first = await _workflow.FireAsync(c.CaseNumber, new ScreenData(), caseworker, c.Version);
        var second = await _workflow.FireAsync(c.CaseNumber, new WithdrawData("Vi trækker den."), mbu, c.Version);

        Assert.IsType<MoveResult.Moved>(first);
        var conflict = Assert.IsType<MoveResult.Conflict>(second);
        Assert.Equal("Sara Lund", conflict.ChangedBy);
        Assert.Equal(Stage.Screened, conflict.CurrentStage);
        Assert.Equal("Sara Lund flyttede sagen først. Den står nu i Screenet.", conflict.Message);
    }

    [Fact]
    public async Task A_grant_takes_money_from_the_pool_and_a_grant_above_what_is_left_is_refused()
    {
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);
        await using var db = await _app.DbAsync();
        var pool = await db.Pools.Include(p => p.Department).SingleAsync(p => p.Kind == PoolKind.LocalFunds && p.Department!.Code == "MKB");
        var remaining = await db.RemainingAsync(pool);
        var fits = await Arrange.CaseAsync(_app, Stage.Recommended, leadCode: "MKB", localFunds: true, requested: remaining);
        var tooMuch = await Arrange.CaseAsync(_app, Stage.Recommended, leadCode: "MKB", localFunds: true, requested: 10_000);

        var granted = await _workflow.FireAsync(fits.CaseNumber, new GrantData(remaining, null, null), caseworker, fits.Version);
        var refused = await _workflow.FireAsync(tooMuch.CaseNumber, new GrantData(10_000, null, null), caseworker, tooMuch.Version);

        Assert.IsType<MoveResult.Moved>(granted);
        var r = Assert.IsType<MoveResult.Refused>(refused);
        Assert.Equal("Puljen har kun 0 kr. tilbage.", r.FieldErrors[FieldNames.Amount]);
        Assert.Equal(0, await db.RemainingAsync(pool));
    }

    [Fact]
    public async Task Sixteen_concurrent_writers_on_a_file_database_store_every_transition()
    {
        const int writers = 16;
        const int movesEach = 6;
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);
        var cases = new List<InnovationCase>();
        for (var i = 0; i < writers; i++)
        {
            cases.Add(await Arrange.CaseAsync(_app, Stage.Submitted, leadCode: "MTM"));
        }

        // The day rows start equal to the events (cases arranged behind the pipeline are counted).
        await StageDayRebuild.RebuildAsync(_app.AppServices.GetRequiredService<DbWriter>());

        // Each writer has its own gate, so they really collide in the SQLite file, as separate
        // processes would; the IMMEDIATE transactions, busy timeout and retries must absorb it. On
        // PostgreSQL they run side by side and every move adds to the same two day rows.
        var factory = _app.AppServices.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var notifier = _app.AppServices.GetRequiredService<CaseChangeNotifier>();
        var results = await Task.WhenAll(cases.Select(c => Task.Run(async () =>
        {
            var pipeline = new CaseChangePipeline(new DbWriter(factory, NullLogger<DbWriter>.Instance), notifier, new LocalCaseChangeRelay(),
                new NotificationPlanner(Options.Create(new NotificationOptions())), TimeProvider.System, NullLogger<CaseChangePipeline>.Instance);
            var service = new CaseWorkflowService(factory, pipeline, TimeProvider.System);
            var version = c.Version;
            var moved = 0;
            for (var m = 0; m < movesEach; m++)
            {
                MoveData data = m % 2 == 0 ? new ScreenData() : new SendBackData("Igen.");
                var result = await service.FireAsync(c.CaseNumber, data, caseworker, version);
                version = Assert.IsType<MoveResult.Moved>(result).Version;
                moved++;
            }

            return moved;
        })));

        Assert.Equal(writers * movesEach, results.Sum());
        await using var db = await _app.DbAsync();
        var ids = cases.Select(c => c.Id).ToList();
        Assert.Equal(writers * movesEach, await db.CaseEvents.CountAsync(e => ids.Contains(e.CaseId) && e.Kind == CaseEventKind.Moved));
        Assert.All(await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync(), c =>
        {
            Assert.Equal(Stage.Submitted, c.Stage);
            Assert.Equal(movesEach, c.Version);
        });
        await StageDayRows.AssertEqualToRebuildAsync(db);
    }

    [Fact]
    public async Task Grants_from_one_pool_at_the_same_time_never_take_more_than_it_has()
    {
        const long amount = 100_001;
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);
        var cases = new List<InnovationCase>();
        for (var i = 0; i < 6; i++)
        {
            cases.Add(await Arrange.CaseAsync(_app, Stage.Recommended, leadCode: "MSO", localFunds: true, requested: amount));
        }

        await using var db = await _app.DbAsync();
        var pool = await db.Pools.SingleAsync(p => p.Id == cases[0].PoolId);
        // Room for two of the six grants, not three.
        var budget = await db.ConsumedAsync(pool.Id) + 2 * amount + amount / 2;
        await db.Pools.Where(p => p.Id == pool.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Budget, budget));

        // All at once: on PostgreSQL the moves run side by side at READ COMMITTED, and only the pool's
        // row lock keeps two of them from reading the same "left" and both spending it.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var grants = cases.Select(async c =>
        {
            await start.Task;
            return await _workflow.FireAsync(c.CaseNumber, new GrantData(amount, null, null), caseworker, c.Version);
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(grants);

        Assert.Equal(2, results.OfType<MoveResult.Moved>().Count());
        Assert.All(results.OfType<MoveResult.Refused>(), r => Assert.StartsWith("Puljen har kun", r.FieldErrors[FieldNames.Amount]));
        Assert.Equal(4, results.OfType<MoveResult.Refused>().Count());
        pool.Budget = budget;
        Assert.Equal(amount / 2, await db.RemainingAsync(pool));
    }

    [Fact]
    public async Task A_grant_stores_its_columns_and_event_exactly_as_SaveChanges_would()
    {
        // The move writes its case row and its event with plain SQL (MappedSql).
        // The stored text must be what EF's own save stores (enum names, the date and instant formats,
        // money), or queries that compare or sort those columns would see two kinds of values.
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);
        var moved = await Arrange.CaseAsync(_app, Stage.Recommended, requested: 1_000);
        var saved = await Arrange.CaseAsync(_app, Stage.Recommended, requested: 1_000);

        var result = await _workflow.FireAsync(moved.CaseNumber, new GrantData(1_000, new DateOnly(2026, 3, 9), "BY-77"), caseworker, moved.Version);

        Assert.IsType<MoveResult.Moved>(result);
        await using var db = await _app.DbAsync();
        var m = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == moved.Id);
        Assert.Equal((Stage.Granted, 1_000L, new DateOnly(2026, 3, 9), "BY-77", moved.Version + 1),
            (m.Stage, m.GrantedAmount!.Value, m.CouncilDecisionDate!.Value, m.CouncilDecisionReference, m.Version));
        var s = await db.Cases.SingleAsync(x => x.Id == saved.Id);
        (s.Stage, s.StageChangedAt, s.GrantedAmount, s.CouncilDecisionDate, s.CouncilDecisionReference, s.GrantedAt) =
            (m.Stage, m.StageChangedAt, m.GrantedAmount, m.CouncilDecisionDate, m.CouncilDecisionReference, m.GrantedAt);
        var ev = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == moved.Id).OrderBy(e => e.Id).LastAsync();
        var copy = new CaseEvent
        {
            CaseId = saved.Id, Kind = ev.Kind, FromStage = ev.FromStage, ToStage = ev.ToStage, Trigger = ev.Trigger, ActorUserId = ev.ActorUserId,
            ActorName = ev.ActorName, At = ev.At, Note = ev.Note, DataJson = ev.DataJson,
        };
        db.CaseEvents.Add(copy);
        await db.SaveChangesAsync();

        string[] caseColumns = ["Stage", "StageChangedAt", "GrantedAmount", "CouncilDecisionDate", "CouncilDecisionReference", "GrantedAt"];
        foreach (var column in caseColumns)
        {
            Assert.Equal(await RawAsync(db, "Cases", column, saved.Id), await RawAsync(db, "Cases", column, moved.Id));
        }

        string[] eventColumns = ["Kind", "FromStage", "ToStage", "Trigger", "ActorUserId", "ActorName", "At", "Note", "DataJson"];
        foreach (var column in eventColumns)
        {
            Assert.Equal(await RawAsync(db, "CaseEvents", column, copy.Id), await RawAsync(db, "CaseEvents", column, ev.Id));
        }
    }

    // The column's stored value as text, as the database holds it (not as EF reads it back).
    private static async Task<string?> RawAsync(AppDbContext db, string table, string column, long id)
    {
        var sql = $"SELECT CAST(\"{column}\" AS TEXT) AS \"Value\" FROM \"{table}\" WHERE \"Id\" = {{0}}";
        return (await db.Database.SqlQueryRaw<string?>(sql, id).ToListAsync()).Single();
    }

    [Fact]
    public async Task Moves_of_a_case_are_listed_with_reasons_for_the_refused_ones()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Screened);
        var director = await _app.ActorAsync(DemoUsers.Director);

        var moves = await _workflow.GetMovesAsync(c.CaseNumber, director);

        Assert.NotNull(moves);
        var recommend = moves.Options.Single(o => o.Trigger == Trigger.Recommend);
        Assert.False(recommend.Allowed);
        Assert.Contains(recommend.Reasons, r => r.Contains("hovedkriteriet"));
        Assert.True(moves.Options.Single(o => o.Trigger == Trigger.Reject).Allowed);
    }

    private async Task AssertUnchangedAsync(InnovationCase c)
    {
        await using var db = await _app.DbAsync();
        var stored = await db.Cases.SingleAsync(x => x.Id == c.Id);
        Assert.Equal(c.Stage, stored.Stage);
        Assert.Equal(c.Version, stored.Version);
        Assert.Equal(1, await db.CaseEvents.CountAsync(e => e.CaseId == c.Id));
    }
}
