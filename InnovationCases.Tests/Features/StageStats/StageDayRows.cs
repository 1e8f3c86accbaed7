using InnovationCases.Data;
using InnovationCases.Features.StageStats;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Features.StageStats;

/// <summary>The day rows as comparable lines, and the check that the rows the pipeline keeps equal those the events give.</summary>
internal static class StageDayRows
{
    public static List<string> Describe(IEnumerable<StageDay> rows) =>
        rows.OrderBy(d => d.Day).ThenBy(d => d.Stage).Select(d => $"{d.Day:yyyy-MM-dd} {d.Stage}: +{d.Entered} -{d.Left} in {d.EnteredAtMs} out {d.LeftEnteredAtMs}/{d.LeftStayMs} " +
            $"slow {d.Slow1Ms}:{d.Slow1CaseId} {d.Slow2Ms}:{d.Slow2CaseId} {d.Slow3Ms}:{d.Slow3CaseId}").ToList();

    /// <summary>
    /// Folds what is pending (<see cref="StageDayFold"/>, in one transaction as the app's fold runs), then
    /// asserts that the stored rows are exactly those <see cref="StageDayRebuild"/> computes from the event log; returns them.
    /// </summary>
    public static async Task<List<StageDay>> AssertEqualToRebuildAsync(AppDbContext db)
    {
        await FoldAsync(db);
        Assert.False(await db.PendingStageDays.AnyAsync());
        var maintained = await db.StageDays.AsNoTracking().OrderBy(d => d.Day).ThenBy(d => d.Stage).ToListAsync();
        var rebuilt = StageDayRebuild.FromEvents(await StageDayRebuild.ReadEventsAsync(db, default));
        var (expected, actual) = (Describe(rebuilt), Describe(maintained));
        // The lines that differ, in full (a collection diff cuts long lines off).
        Assert.True(expected.SequenceEqual(actual),
            $"rebuilt only:\n{string.Join("\n", expected.Except(actual))}\nmaintained only:\n{string.Join("\n", actual.Except(expected))}");
        return maintained;
    }

    /// <summary>Folds the pending rows in one transaction, as the app's fold job does.</summary>
    public static async Task<int> FoldAsync(AppDbContext db)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var folded = await StageDayFold.FoldAsync(db, default);
        await tx.CommitAsync();
        db.ChangeTracker.Clear();
        return folded;
    }
}
