using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Dashboard;
using InnovationCases.Features.StageStats;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.StageStats;

/// <summary>
/// The rebuild walks the cases in ranges of ids, one statement per range (so that no statement's time
/// grows with the database): with ranges of a few cases, on both providers, it gives exactly the day
/// rows one fold of the whole event log gives and every case's decision wait its events give, after
/// both had drifted.
/// </summary>
public sealed class StageDayRebuildTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 1)]
    [InlineData(DatabaseProvider.Sqlite, 7)]
    [InlineData(DatabaseProvider.Postgres, 1)]
    [InlineData(DatabaseProvider.Postgres, 7)]
    public async Task A_rebuild_in_ranges_of_cases_equals_the_fold_of_the_whole_log(DatabaseProvider provider, int casesPerBatch)
    {
        await using var app = new TestApp(provider: provider);
        _ = app.AppServices;
        int caseCount;
        await using (var db = await app.DbAsync())
        {
            caseCount = await db.Cases.CountAsync();
            Assert.True(caseCount > 3 * casesPerBatch, $"{caseCount} demo cases span several ranges of {casesPerBatch}");
            // Drift: wrong counts, a wait on undecided cases and none on decided ones.
            await db.StageDays.ExecuteUpdateAsync(s => s.SetProperty(d => d.Entered, d => d.Entered + 5));
            await db.Cases.Where(c => c.Id % 2 == 0).ExecuteUpdateAsync(s => s.SetProperty(c => c.DecisionWaitTicks, 42L));
            await db.Cases.Where(c => c.Id % 2 == 1).ExecuteUpdateAsync(s => s.SetProperty(c => c.DecisionWaitTicks, (long?)null));
        }

        var rows = await StageDayRebuild.RebuildAsync(app.AppServices.GetRequiredService<DbWriter>(), casesPerBatch);

        await using var check = await app.DbAsync();
        var stored = await check.StageDays.AsNoTracking().ToListAsync();
        var fromWholeLog = StageDayRebuild.FromEvents(await StageDayRebuild.ReadEventsAsync(check, default));
        Assert.Equal(fromWholeLog.Count, rows);
        Assert.Equal(StageDayRows.Describe(fromWholeLog), StageDayRows.Describe(stored));

        var decisions = await check.CaseEvents.AsNoTracking()
            .Where(e => e.Kind == CaseEventKind.Moved && (e.Trigger == Trigger.Grant || e.Trigger == Trigger.Reject))
            .GroupBy(e => e.CaseId).Select(g => new { CaseId = g.Key, At = g.Min(e => e.At) })
            .ToDictionaryAsync(d => d.CaseId, d => d.At);
        var cases = await check.Cases.AsNoTracking().Select(c => new { c.Id, c.SubmittedAt, c.DecisionWaitTicks }).ToListAsync();
        Assert.True(decisions.Count > 5 && decisions.Count < cases.Count, $"{decisions.Count} of {cases.Count} demo cases are decided");
        var expected = cases.ToDictionary(c => c.Id, c => decisions.TryGetValue(c.Id, out var at) ? DecisionWaits.Ticks(check, c.SubmittedAt, at) : (long?)null);
        Assert.Equal(expected, cases.ToDictionary(c => c.Id, c => c.DecisionWaitTicks));
    }
}
