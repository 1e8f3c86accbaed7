using InnovationCases.Data;
using InnovationCases.Data.DemoData;
using InnovationCases.Domain;
using InnovationCases.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Data;

public sealed class PersistenceTests
{
    [Fact]
    public async Task Migrations_create_the_schema_on_an_empty_file()
    {
        using var app = new TestApp(demoData: false);
        _ = app.AppServices; // starts the app, which migrates

        await using var db = await app.DbAsync();
        Assert.True(File.Exists(app.DatabasePath));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        var journal = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();
        Assert.Equal("wal", journal);
    }

    [Fact]
    public async Task Every_connection_syncs_normally_whether_new_or_reused_from_the_pool()
    {
        using var app = new TestApp(demoData: false);
        _ = app.AppServices;

        // The setting is made once per physical connection: reused ones keep it, new ones get it.
        for (var i = 0; i < 4; i++)
        {
            if (i == 2)
            {
                SqliteConnection.ClearAllPools();
            }

            await using var db = await app.DbAsync();
            var sync = await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync();
            Assert.Equal(1, sync); // NORMAL (WAL's default is FULL, 2)
        }
    }

    [Fact]
    public async Task Demo_data_is_created_once_and_is_consistent()
    {
        using var app = new TestApp(demoData: true);
        await app.AppServices.GetRequiredService<DemoDataSeeder>().SeedAsync(); // a second run adds nothing

        await using var db = await app.DbAsync();
        var cases = await db.Cases.Include(c => c.Pool).ToListAsync();
        Assert.Equal(DemoDataSeeder.CaseCount, cases.Count);
        Assert.Equal(6, await db.Departments.CountAsync());
        Assert.Equal(DemoAccounts.All.Count, await db.Users.CountAsync());
        Assert.Equal(cases.Count, cases.Select(c => c.CaseNumber).Distinct().Count());
        Assert.All(cases, c => Assert.Matches(@"^INNO-\d{4}-\d{4}$", c.CaseNumber));

        // Every stage is represented, in both pool kinds, with civil-society, large and multi-year cases.
        Assert.Equal(Enum.GetValues<Stage>().Order(), cases.Select(c => c.Stage).Distinct().Order());
        Assert.Contains(cases, c => c.Pool!.Kind == PoolKind.LocalFunds);
        Assert.Contains(cases, c => c.ApplicantType == ApplicantType.CivilSociety);
        Assert.Contains(cases, c => c.RequestedAmount > 2_000_000);
        Assert.Contains(cases, c => c.IsMultiYear);

        // Each case's stage is the last event's target, and the history starts with its creation.
        var events = await db.CaseEvents.OrderBy(e => e.Id).ToListAsync();
        foreach (var c in cases)
        {
            var own = events.Where(e => e.CaseId == c.Id).ToList();
            Assert.Equal(CaseEventKind.Created, own[0].Kind);
            Assert.Equal(c.Stage, own[^1].ToStage);
            Assert.True(own.Zip(own.Skip(1)).All(p => p.First.At <= p.Second.At), $"{c.CaseNumber}'s events are out of order");
        }

        // No pool is below zero, and the local shares add up to the local-funds total.
        foreach (var pool in await db.Pools.ToListAsync())
        {
            Assert.True(await db.RemainingAsync(pool) >= 0, $"pool {pool.Id} is overdrawn");
        }

        var year = await db.BudgetYears.Include(y => y.Pools).SingleAsync();
        Assert.Equal(year.LocalFundsTotal, year.Pools.Where(p => p.Kind == PoolKind.LocalFunds).Sum(p => p.Budget));
        Assert.Equal(cases.Count, (await db.CaseNumberCounters.SingleAsync()).Last);
    }

    [Fact]
    public async Task Case_events_cannot_be_changed_or_deleted()
    {
        using var app = new TestApp(demoData: true);
        await using var db = await app.DbAsync();
        var ev = await db.CaseEvents.FirstAsync();

        ev.Note = "rettet";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.CaseEvents.Remove(await db.CaseEvents.FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_write_that_fails_half_way_stores_nothing()
    {
        using var app = new TestApp(demoData: true);
        var c = await Arrange.CaseAsync(app, Stage.Submitted);
        var writer = app.AppServices.GetRequiredService<DbWriter>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync<int>(async db =>
        {
            var tracked = await db.Cases.SingleAsync(x => x.Id == c.Id);
            tracked.Stage = Stage.Screened;
            await db.SaveChangesAsync();
            db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, Kind = CaseEventKind.Moved, ToStage = Stage.Screened, ActorUserId = "x", ActorName = "x" });
            await db.SaveChangesAsync();
            throw new InvalidOperationException("boom");
        }));

        await using var check = await app.DbAsync();
        Assert.Equal(Stage.Submitted, (await check.Cases.SingleAsync(x => x.Id == c.Id)).Stage);
        Assert.Equal(1, await check.CaseEvents.CountAsync(e => e.CaseId == c.Id));
    }
}
