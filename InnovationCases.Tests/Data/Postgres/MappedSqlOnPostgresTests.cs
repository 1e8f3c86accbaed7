using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Notifications;
using InnovationCases.Features.StageStats;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Data.Postgres;

/// <summary>
/// On PostgreSQL a move's event, its pending fan-out row and its day rows are one statement (data-modifying
/// <c>WITH</c>s, one round trip): every row must be stored as the separate statements stored it, the fan-out
/// row must hold the event's new key, and the statement must pass EF's interceptors (B3b-pg's counter).
/// </summary>
public sealed class MappedSqlOnPostgresTests
{
    [Fact]
    public async Task An_event_its_fan_out_row_and_its_day_rows_are_one_statement_and_stored_as_separate_statements_store_them()
    {
        using var database = await PgDatabase.CreateAsync();
        var c = await database.CaseAsync(daysAgo: 3);
        var at = new DateTime(2026, 12, 3, 2, 40, 15, 123, DateTimeKind.Utc);
        var change = new StageChange(c.Id, at, Stage.Screened, Stage.Submitted, at.AddDays(-3).AddMinutes(-5));
        var counter = new DbCommandCounter();
        long first, second;
        await using (var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).AddInterceptors(counter).Options))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var before = counter.Count;
            first = await MappedSql.InsertReturningKeyAsync<CaseEvent, PendingFanOut, PendingStageDay>(db, Event(c.Id, at, "Første"),
                nameof(PendingFanOut.CaseEventId), StageDayWriter.PendingColumns, StageDayWriter.PendingRowsOf(change), CancellationToken.None);
            Assert.Equal(1, counter.Count - before);
            // Without a fan-out row and without day rows; then the same change's rows through the day rows' own INSERT.
            second = await MappedSql.InsertReturningKeyAsync<CaseEvent, PendingFanOut, PendingStageDay>(db, Event(c.Id, at, null),
                null, StageDayWriter.PendingColumns, [], CancellationToken.None);
            await StageDayWriter.ApplyAsync(db, change, CancellationToken.None);
            await tx.CommitAsync();
        }

        await using var check = database.Open();
        var events = await check.CaseEvents.AsNoTracking().Where(e => e.Kind == CaseEventKind.Moved).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([first, second], events.Select(e => e.Id));
        Assert.Equal((c.Id, Stage.Submitted, Stage.Screened, Trigger.Screen, "Sara Lund", at, "Første"),
            (events[0].CaseId, events[0].FromStage!.Value, events[0].ToStage, events[0].Trigger!.Value, events[0].ActorName, events[0].At, events[0].Note));
        Assert.Null(events[1].Note);
        Assert.Equal([first], await check.PendingFanOuts.Select(p => p.CaseEventId).ToListAsync());
        var days = await check.PendingStageDays.AsNoTracking().Where(d => d.Day == StageDay.DayOf(at)).OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(4, days.Count);
        static object Values(PendingStageDay d) =>
            (d.Day, d.Stage, d.Entered, d.Left, d.EnteredAtMs, d.LeftEnteredAtMs, d.LeftStayMs, d.SlowMs, d.SlowCaseId);
        Assert.Equal(days.Skip(2).Select(Values), days.Take(2).Select(Values));
        Assert.Contains(days, d => d.Stage == Stage.Submitted && d.Left == 1 && d.SlowCaseId == c.Id);
        Assert.Contains(days, d => d.Stage == Stage.Screened && d.Entered == 1);
    }

    private static CaseEvent Event(int caseId, DateTime at, string? note) => new()
    {
        CaseId = caseId, Kind = CaseEventKind.Moved, FromStage = Stage.Submitted, ToStage = Stage.Screened, Trigger = Trigger.Screen,
        ActorUserId = "user-1", ActorName = "Sara Lund", At = at, Note = note,
    };
}
