using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.StageStats;

/// <summary>
/// Recomputes every <see cref="StageDay"/> row from the event log: the <c>rebuild-aggregates</c>
/// command, the start of an app whose table is still empty (a database from before the table, or
/// demo data seeded behind the pipeline), and the tests' reference for the rows the pipeline keeps.
/// </summary>
public static class StageDayRebuild
{
    /// <summary>
    /// How many case ids one of the rebuild's statements covers. Every statement reads or writes one
    /// range of cases, so its time is bounded by the range, not by the database: at 100,000 cases the
    /// decision waits' refill as one UPDATE ran past Npgsql's 30-second command timeout under load.
    /// </summary>
    public const int CasesPerBatch = 2_000;

    /// <summary>
    /// The rows the events give. Each case's Created and Moved events, in order of time: every event
    /// ends the stay its case's previous event began (the stage that event entered) and begins a stay
    /// in the stage it enters — the same stays the dashboard computed from the log before.
    /// </summary>
    public static IReadOnlyList<StageDay> FromEvents(IEnumerable<StageEventRow> events)
    {
        var fold = new Fold();
        fold.Add(events);
        return fold.Rows();
    }

    /// <summary>Reads the stage-changing events (Created and Moved) for <see cref="FromEvents"/>.</summary>
    public static Task<List<StageEventRow>> ReadEventsAsync(AppDbContext db, CancellationToken ct) =>
        StageEvents(db.CaseEvents).ToListAsync(ct);

    /// <summary>
    /// Replaces the table's rows with those the events give, and refills the decision waits, in one
    /// write made of statements over <see cref="CasesPerBatch"/> cases each; returns how many rows.
    /// </summary>
    public static Task<int> RebuildAsync(DbWriter writer, CancellationToken ct = default) =>
        RebuildAsync(writer, CasesPerBatch, ct);

    /// <summary><see cref="RebuildAsync(DbWriter, CancellationToken)"/> with ranges of <paramref name="casesPerBatch"/> case ids.</summary>
    public static Task<int> RebuildAsync(DbWriter writer, int casesPerBatch, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(casesPerBatch, 1);
        return writer.WriteAsync(db => ReplaceAsync(db, casesPerBatch, ct), ct);
    }

    /// <summary>Rebuilds when the table is empty but stage changes exist; returns whether it did.</summary>
    public static Task<bool> RebuildIfEmptyAsync(DbWriter writer, CancellationToken ct = default) =>
        writer.WriteAsync(async db =>
        {
            if (await db.StageDays.AnyAsync(ct)
                || !await db.CaseEvents.AnyAsync(e => e.Kind == CaseEventKind.Created || e.Kind == CaseEventKind.Moved, ct))
            {
                return false;
            }

            await ReplaceAsync(db, CasesPerBatch, ct);
            return true;
        }, ct);

    private static IQueryable<StageEventRow> StageEvents(IQueryable<CaseEvent> events) =>
        events.AsNoTracking()
            .Where(e => e.Kind == CaseEventKind.Created || e.Kind == CaseEventKind.Moved)
            .Select(e => new StageEventRow(e.Id, e.CaseId, e.At, e.ToStage));

    // One transaction (the writer's), so the rows replace the old ones at once and see one state of
    // the log; within it one range of case ids at a time: its events read and folded, its decision
    // waits refilled. A case's stays need only its own events, and the ranges go up in case id, so
    // the fold sees the events in the same order as one read of them all.
    private static async Task<int> ReplaceAsync(AppDbContext db, int casesPerBatch, CancellationToken ct)
    {
        var fold = new Fold();
        var first = await db.Cases.MinAsync(c => (int?)c.Id, ct);
        var last = await db.Cases.MaxAsync(c => (int?)c.Id, ct);
        if (first is int from && last is int to)
        {
            for (long lo = from; lo <= to; lo += casesPerBatch)
            {
                var (start, end) = ((int)lo, (int)Math.Min(lo + casesPerBatch, (long)to + 1));
                fold.Add(await StageEvents(db.CaseEvents.Where(e => e.CaseId >= start && e.CaseId < end)).ToListAsync(ct));
                // The other figure kept beside the events: each case's wait for its first decision.
                await Dashboard.DecisionWaits.RefillAsync(db, start, end, ct);
            }
        }

        var rows = fold.Rows();
        // The pending rows count changes whose events were just read: the rebuilt rows hold them already.
        // A change committing meanwhile is in neither the events read nor the pending rows deleted.
        await db.PendingStageDays.ExecuteDeleteAsync(ct);
        await db.StageDays.ExecuteDeleteAsync(ct);
        db.StageDays.AddRange(rows);
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    /// <summary>The day rows of the events added so far; each call adds whole cases, in increasing case id.</summary>
    private sealed class Fold
    {
        private readonly Dictionary<(DateOnly, Stage), StageDay> _days = [];

        public void Add(IEnumerable<StageEventRow> events)
        {
            var caseId = 0;
            var stay = (Stage: default(Stage), EnteredMs: 0L);
            var any = false;
            foreach (var e in events.OrderBy(e => e.CaseId).ThenBy(e => e.At).ThenBy(e => e.Id))
            {
                var day = StageDay.DayOf(e.At);
                var atMs = StageDay.Ms(e.At);
                if (any && e.CaseId == caseId)
                {
                    Row(day, stay.Stage).Leave(e.CaseId, stay.EnteredMs, atMs);
                }

                Row(day, e.ToStage).Enter(atMs);
                (any, caseId, stay) = (true, e.CaseId, (e.ToStage, atMs));
            }
        }

        public IReadOnlyList<StageDay> Rows() => _days.Values.OrderBy(d => d.Day).ThenBy(d => d.Stage).ToList();

        private StageDay Row(DateOnly day, Stage stage)
        {
            if (!_days.TryGetValue((day, stage), out var row))
            {
                row = new StageDay { Day = day, Stage = stage };
                _days[(day, stage)] = row;
            }

            return row;
        }
    }
}
