using InnovationCases.Data;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.StageStats;

/// <summary>
/// Keeps <see cref="StageDay"/> in step with the event log, inside the transaction of the change
/// that records the event (the pipeline calls it through <c>CaseChangeScope</c>): one UPDATE of the
/// day's row for each stage involved, and an INSERT only for the day's first change of a stage.
/// Plain SQL arithmetic through EF's <c>ExecuteUpdate</c>, so it runs the same on every provider.
/// </summary>
public static class StageDayWriter
{
    public static async Task ApplyAsync(AppDbContext db, StageChange change, CancellationToken ct)
    {
        var day = StageDay.DayOf(change.At);
        var to = change.To;
        var atMs = StageDay.Ms(change.At);
        if (change.From is not { } from)
        {
            var entered = await db.StageDays.Where(d => d.Day == day && d.Stage == to)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Entered, d => d.Entered + 1)
                    .SetProperty(d => d.EnteredAtMs, d => d.EnteredAtMs + atMs), ct);
            if (entered == 0)
            {
                await InsertMissingAsync(db, change, day, ct);
            }

            return;
        }

        var caseId = change.CaseId;
        var enteredMs = StageDay.Ms(change.FromEnteredAt ?? change.At);
        var stay = atMs - enteredMs;
        // One statement for both rows; every right-hand side reads the row as it was before the
        // statement (standard SQL), which is what shifting the slow slots down relies on.
        var updated = await db.StageDays.Where(d => d.Day == day && (d.Stage == to || d.Stage == from))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Entered, d => d.Stage == to ? d.Entered + 1 : d.Entered)
                .SetProperty(d => d.EnteredAtMs, d => d.Stage == to ? d.EnteredAtMs + atMs : d.EnteredAtMs)
                .SetProperty(d => d.Left, d => d.Stage == from ? d.Left + 1 : d.Left)
                .SetProperty(d => d.LeftEnteredAtMs, d => d.Stage == from ? d.LeftEnteredAtMs + enteredMs : d.LeftEnteredAtMs)
                .SetProperty(d => d.LeftStayMs, d => d.Stage == from ? d.LeftStayMs + stay : d.LeftStayMs)
                .SetProperty(d => d.Slow1Ms, d => d.Stage == from && stay > d.Slow1Ms ? stay : d.Slow1Ms)
                .SetProperty(d => d.Slow1CaseId, d => d.Stage == from && stay > d.Slow1Ms ? caseId : d.Slow1CaseId)
                .SetProperty(d => d.Slow2Ms, d => d.Stage == from && stay > d.Slow1Ms ? d.Slow1Ms
                    : d.Stage == from && stay > d.Slow2Ms ? stay : d.Slow2Ms)
                .SetProperty(d => d.Slow2CaseId, d => d.Stage == from && stay > d.Slow1Ms ? d.Slow1CaseId
                    : d.Stage == from && stay > d.Slow2Ms ? caseId : d.Slow2CaseId)
                .SetProperty(d => d.Slow3Ms, d => d.Stage == from && stay > d.Slow2Ms ? d.Slow2Ms
                    : d.Stage == from && stay > d.Slow3Ms ? stay : d.Slow3Ms)
                .SetProperty(d => d.Slow3CaseId, d => d.Stage == from && stay > d.Slow2Ms ? d.Slow2CaseId
                    : d.Stage == from && stay > d.Slow3Ms ? caseId : d.Slow3CaseId), ct);
        if (updated < 2)
        {
            await InsertMissingAsync(db, change, day, ct);
        }
    }

    // The day's first change of a stage: a new row holding just this change. It is saved at once so
    // that a second change in the same write finds it with its UPDATE.
    private static async Task InsertMissingAsync(AppDbContext db, StageChange change, DateOnly day, CancellationToken ct)
    {
        var to = change.To;
        var from = change.From ?? to;
        var present = await db.StageDays.Where(d => d.Day == day && (d.Stage == to || d.Stage == from))
            .Select(d => d.Stage).ToListAsync(ct);
        var atMs = StageDay.Ms(change.At);
        if (!present.Contains(to))
        {
            var row = new StageDay { Day = day, Stage = to };
            row.Enter(atMs);
            db.StageDays.Add(row);
        }

        if (change.From is { } left && !present.Contains(left))
        {
            var row = new StageDay { Day = day, Stage = left };
            row.Leave(change.CaseId, StageDay.Ms(change.FromEnteredAt ?? change.At), atMs);
            db.StageDays.Add(row);
        }

        await db.SaveChangesAsync(ct);
    }
}
