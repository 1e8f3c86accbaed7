using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Board;
using InnovationCases.Features.Dashboard;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InnovationCases.Tests.Features.Dashboard;

/// <summary>
/// Every year figure and list of the dashboard, as its narrow SQL computes it (covering and partial
/// indexes, the first decision per case grouped in SQL, one query per stage limit), equals the same
/// figure recomputed in memory from the whole rows, the way it was first written.
/// </summary>
public class DashboardRecomputationTests(GeneratedDataSet data) : IClassFixture<GeneratedDataSet>
{
    private sealed record Everything(List<InnovationCase> Cases, List<CaseEvent> Events, List<EffectReport> Reports, Dictionary<int, string> Departments);

    private async Task<(DashboardSnapshot Snapshot, Everything All)> ComputeAsync(int year)
    {
        var snapshot = await data.App.AppServices.GetRequiredService<DashboardAggregates>()
            .ComputeAsync(KnownDataSet.Manager, year, GeneratedDataSet.Now);
        await using var db = await data.App.DbAsync();
        var all = new Everything(
            await db.Cases.AsNoTracking().ToListAsync(),
            await db.CaseEvents.AsNoTracking().ToListAsync(),
            await db.EffectReports.AsNoTracking().ToListAsync(),
            await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name));
        return (snapshot, all);
    }

    [Theory]
    [InlineData(GeneratedDataSet.Year)]
    [InlineData(GeneratedDataSet.Year - 1)]
    public async Task Decision_time_equals_the_first_grant_or_rejection_of_each_case_of_the_year(int year)
    {
        var (s, all) = await ComputeAsync(year);

        var days = all.Cases.Where(c => c.BudgetYear == year)
            .Select(c => all.Events
                .Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.Moved && e.Trigger is Trigger.Grant or Trigger.Reject)
                .Select(e => (double?)(e.At - c.SubmittedAt).TotalDays)
                .Min())
            .OfType<double>()
            .ToList();

        Assert.True(days.Count > 20, "the data set has decisions to compare");
        Assert.Equal(days.Count, s.Decisions);
        Assert.Equal(DashboardMath.Median(days), s.MedianDaysToDecision);
    }

    [Theory]
    [InlineData(GeneratedDataSet.Year)]
    [InlineData(GeneratedDataSet.Year - 1)]
    public async Task Year_figures_equal_the_sums_over_the_case_rows(int year)
    {
        var (s, all) = await ComputeAsync(year);
        var ofYear = all.Cases.Where(c => c.BudgetYear == year).ToList();
        var evaluated = ofYear.Where(c => c.Stage == Stage.Evaluated).ToList();

        Assert.Equal(ofYear.Count, s.Applications);
        Assert.Equal(evaluated.Count, s.EvaluatedCount);
        Assert.True(evaluated.Count > 0);
        Assert.Equal(evaluated.Sum(c => c.ExpectedAnnualGain), s.ExpectedGainEvaluated);
        Assert.Equal(all.Reports.Where(r => r.IsFinal && evaluated.Any(c => c.Id == r.CaseId)).Sum(r => r.RealisedAnnualGain), s.RealisedGainEvaluated);

        var byTheme = ofYear.GroupBy(c => c.Theme).Select(g => (g.Key.Label(), g.Sum(PoolConsumption.Of))).Where(x => x.Item2 > 0).ToList();
        var byDepartment = ofYear.GroupBy(c => all.Departments[c.LeadDepartmentId]).Select(g => (g.Key, g.Sum(PoolConsumption.Of))).Where(x => x.Item2 > 0).ToList();
        Assert.True(byTheme.Count > 3);
        Assert.Equal(byTheme.OrderBy(x => x.Item1), s.GrantedByTheme.Select(x => (x.Label, x.Amount)).OrderBy(x => x.Label));
        Assert.Equal(byDepartment.OrderBy(x => x.Key), s.GrantedByDepartment.Select(x => (x.Label, x.Amount)).OrderBy(x => x.Label));
        Assert.Equal(s.GrantedByTheme.OrderByDescending(x => x.Amount), s.GrantedByTheme);
        Assert.Equal(s.GrantedByDepartment.OrderByDescending(x => x.Amount), s.GrantedByDepartment);

        foreach (var line in s.Pools)
        {
            var inPool = ofYear.Where(c => c.PoolId == line.PoolId).ToList();
            Assert.Equal(inPool.Sum(PoolConsumption.Of), line.Granted);
            Assert.Equal(inPool.Where(c => c.Stage == Stage.Recommended).Sum(c => c.RecommendedAmount ?? 0), line.Committed);
        }
    }

    [Fact]
    public async Task Stage_counts_and_stalled_cases_equal_a_pass_over_every_case()
    {
        var (s, all) = await ComputeAsync(GeneratedDataSet.Year);
        var limits = data.App.AppServices.GetRequiredService<IOptionsMonitor<BoardOptions>>().CurrentValue;
        var now = GeneratedDataSet.Now;

        foreach (var stage in Enum.GetValues<Stage>())
        {
            Assert.Equal(all.Cases.Count(c => c.Stage == stage), s.StageCounts[stage]);
        }

        var stalled = all.Cases
            .Where(c => DashboardMath.TimedStages.Contains(c.Stage) && limits.LimitDaysFor(c.Stage) is { } limit && (int)(now - c.StageChangedAt).TotalDays > limit)
            .OrderBy(c => c.StageChangedAt)
            .Select(c => (c.CaseNumber, c.Title, c.Stage, (int)(now - c.StageChangedAt).TotalDays, limits.LimitDaysFor(c.Stage)!.Value))
            .ToList();
        Assert.True(stalled.Count > 10, "the data set has stalled cases to compare");
        Assert.True(stalled.Count < all.Cases.Count(c => DashboardMath.TimedStages.Contains(c.Stage)), "and cases within their limit");
        Assert.Equal(stalled, s.Stalled.Select(c => (c.CaseNumber, c.Title, c.Stage, c.Days, c.LimitDays)));
    }
}
