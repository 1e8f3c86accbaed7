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
    /// The rows the events give. Each case's Created and Moved events, in order of time: every event
    /// ends the stay its case's previous event began (the stage that event entered) and begins a stay
    /// in the stage it enters — the same stays the dashboard computed from the log before.
    /// </summary>
    public static IReadOnlyList<StageDay> FromEvents(IEnumerable<StageEventRow> events)
    {
        var days = new Dictionary<(DateOnly, Stage), StageDay>();
        var current = new Dictionary<int, (Stage Stage, long EnteredMs)>();
        foreach (var e in events.OrderBy(e => e.CaseId).ThenBy(e => e.At).ThenBy(e => e.Id))
        {
            var day = StageDay.DayOf(e.At);
            var atMs = StageDay.Ms(e.At);
            if (current.TryGetValue(e.CaseId, out var stay))
            {
                Row(days, day, stay.Stage).Leave(e.CaseId, stay.EnteredMs, atMs);
            }

            Row(days, day, e.ToStage).Enter(atMs);
            current[e.CaseId] = (e.ToStage, atMs);
        }

        return days.Values.OrderBy(d => d.Day).ThenBy(d => d.Stage).ToList();
    }

    /// <summary>Reads the stage-changing events (Created and Moved) for <see cref="FromEvents"/>.</summary>
    public static Task<List<StageEventRow>> ReadEventsAsync(AppDbContext db, CancellationToken ct) =>
        db.CaseEvents.AsNoTracking()
            .Where(e => e.Kind == CaseEventKind.Created || e.Kind == CaseEventKind.Moved)
            .Select(e => new StageEventRow(e.Id, e.CaseId, e.At, e.ToStage))
            .ToListAsync(ct);

    /// <summary>Replaces the table's rows with those the events give, in one write; returns how many rows.</summary>
    public static Task<int> RebuildAsync(DbWriter writer, CancellationToken ct = default) =>
        writer.WriteAsync(db => ReplaceAsync(db, ct), ct);

    /// <summary>Rebuilds when the table is empty but stage changes exist; returns whether it did.</summary>
    public static Task<bool> RebuildIfEmptyAsync(DbWriter writer, CancellationToken ct = default) =>
        writer.WriteAsync(async db =>
        {
            if (await db.StageDays.AnyAsync(ct)
                || !await db.CaseEvents.AnyAsync(e => e.Kind == CaseEventKind.Created || e.Kind == CaseEventKind.Moved, ct))
            {
                return false;
            }

            await ReplaceAsync(db, ct);
            return true;
        }, ct);

    private static async Task<int> ReplaceAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = FromEvents(await ReadEventsAsync(db, ct));
        // The pending rows count changes whose events were just read: the rebuilt rows hold them already.
        // A change committing meanwhile is in neither the events read nor the pending rows deleted.
        await db.PendingStageDays.ExecuteDeleteAsync(ct);
        await db.StageDays.ExecuteDeleteAsync(ct);
        db.StageDays.AddRange(rows);
        await db.SaveChangesAsync(ct);
        // The other figure kept beside the events: each case's wait for its first decision.
        await Dashboard.DecisionWaits.RefillAsync(db, ct);
        return rows.Count;
    }

    private static StageDay Row(Dictionary<(DateOnly, Stage), StageDay> days, DateOnly day, Stage stage)
    {
        if (!days.TryGetValue((day, stage), out var row))
        {
            row = new StageDay { Day = day, Stage = stage };
            days[(day, stage)] = row;
        }

        return row;
    }
}
