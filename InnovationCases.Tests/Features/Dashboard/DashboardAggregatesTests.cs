using InnovationCases.Domain;
using InnovationCases.Features.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Dashboard;

/// <summary>The dashboard's figures on <see cref="KnownDataSet"/>, against figures computed by hand (see its table).</summary>
public class DashboardAggregatesTests(KnownDataSet data) : IClassFixture<KnownDataSet>
{
    private Task<DashboardSnapshot> ComputeAsync(Actor? actor = null) =>
        data.App.AppServices.GetRequiredService<DashboardAggregates>().ComputeAsync(actor ?? KnownDataSet.Manager, KnownDataSet.Year, KnownDataSet.Now);

    [Fact]
    public async Task Stage_counts_equal_the_cases_in_each_stage()
    {
        var s = await ComputeAsync();

        Assert.Equal(1, s.StageCounts[Stage.Submitted]);
        Assert.Equal(1, s.StageCounts[Stage.Screened]);
        Assert.Equal(1, s.StageCounts[Stage.Recommended]);
        Assert.Equal(1, s.StageCounts[Stage.Granted]);
        Assert.Equal(0, s.StageCounts[Stage.Implemented]);
        Assert.Equal(1, s.StageCounts[Stage.Evaluated]);
        Assert.Equal(1, s.StageCounts[Stage.Rejected]);
        Assert.Equal(0, s.StageCounts[Stage.Withdrawn]);
        Assert.Equal(1, s.StageCounts[Stage.Stopped]);
        Assert.Equal(7, s.Applications);
    }

    [Fact]
    public async Task Pool_ledgers_count_grants_and_stopped_spend_as_granted_and_recommendations_as_committed()
    {
        var s = await ComputeAsync();

        var cross = s.Pools.Single(p => p.PoolId == data.CrossPool);
        Assert.Equal(1_000_000, cross.Budget);
        Assert.Equal(500_000, cross.Granted); // C4 300.000 + C7's actual spend 200.000
        Assert.Equal(200_000, cross.Committed); // C3
        Assert.Equal(500_000, cross.Remaining);

        var localA = s.Pools.Single(p => p.PoolId == data.LocalPoolA);
        Assert.Equal(100_000, localA.Granted);
        Assert.Equal(500_000, localA.Remaining);
        Assert.Equal(0.6m, localA.KeyShare);
        Assert.Equal(400_000, s.Pools.Single(p => p.PoolId == data.LocalPoolB).Remaining);
        Assert.Equal(PoolKind.CrossCutting, s.Pools[0].Kind);
    }

    [Fact]
    public async Task Median_days_from_submission_to_decision_counts_grants_and_rejections()
    {
        var s = await ComputeAsync();

        // Decisions: C4 30, C5 20, C6 10, C7 20 days -> 10, 20, 20, 30 -> median 20.
        Assert.Equal(4, s.Decisions);
        Assert.Equal(20, s.MedianDaysToDecision);
    }

    [Fact]
    public async Task Realised_and_expected_gain_of_evaluated_projects_and_granted_per_theme_and_department()
    {
        var s = await ComputeAsync();

        Assert.Equal(1, s.EvaluatedCount);
        Assert.Equal(50_000, s.ExpectedGainEvaluated);
        Assert.Equal(40_000, s.RealisedGainEvaluated);
        Assert.Equal([("Digitalisering", 500_000L), ("Sundhed", 100_000L)], s.GrantedByTheme.Select(x => (x.Label, x.Amount)));
        Assert.Equal([("Afdeling A", 400_000L), ("Afdeling B", 200_000L)], s.GrantedByDepartment.Select(x => (x.Label, x.Amount)));
    }

    [Fact]
    public async Task Cumulative_flow_is_computed_from_the_event_log()
    {
        var s = await ComputeAsync();

        Assert.Equal(12, s.FlowPoints.Count);
        Assert.All(s.Flow.Values, counts => Assert.Equal(0, counts[0])); // end of July 2025: nothing yet
        // End of February 2026 (index 7): C4 recommended, C5 and C7 granted.
        Assert.Equal(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), s.FlowPoints[7]);
        Assert.Equal(1, s.Flow[Stage.Recommended][7]);
        Assert.Equal(2, s.Flow[Stage.Granted][7]);
        Assert.Equal(0, s.Flow[Stage.Submitted][7]);
        // Now: every case in its current stage.
        Assert.Equal(7, s.Flow.Values.Sum(v => v[11]));
        Assert.Equal(1, s.Flow[Stage.Stopped][11]);
        Assert.Equal(1, s.Flow[Stage.Evaluated][11]);
    }

    [Fact]
    public async Task Time_in_stage_has_the_mean_and_the_slowest_stays()
    {
        var s = await ComputeAsync();

        var submitted = s.TimeInStage.Single(t => t.Stage == Stage.Submitted);
        Assert.Equal(37 / 7d, submitted.MeanDays!.Value, 9); // 2, 2, 4, 4, 5, 10, 10
        Assert.Equal([10d, 10d, 5d], submitted.Slowest.Select(x => x.Days));
        var screened = s.TimeInStage.Single(t => t.Stage == Stage.Screened);
        Assert.Equal(67 / 5d, screened.MeanDays!.Value, 9); // 6, 8, 8, 10, 35 (C2 still screened)
        Assert.Equal(KnownDataSet.Number(2), screened.Slowest[0].CaseNumber);
        Assert.True(screened.Slowest[0].Ongoing);
    }

    [Fact]
    public async Task Cases_over_their_stage_limit_are_listed_oldest_first()
    {
        var s = await ComputeAsync();

        // C3 recommended since 15/4 (61 days > 30), C2 screened since 11/5 (35 days > 21); C1 (5 < 14) and C4 (104 < 365) are fine.
        Assert.Equal([KnownDataSet.Number(3), KnownDataSet.Number(2)], s.Stalled.Select(c => c.CaseNumber));
        Assert.Equal((61, 30), (s.Stalled[0].Days, s.Stalled[0].LimitDays));
    }

    [Fact]
    public async Task Activity_feed_has_the_latest_twenty_events_newest_first()
    {
        var s = await ComputeAsync();

        Assert.Equal(20, s.Activity.Count); // of 23 events
        Assert.Equal(KnownDataSet.Number(1), s.Activity[0].CaseNumber);
        Assert.True(s.Activity.Zip(s.Activity.Skip(1)).All(p => p.First.At >= p.Second.At));
    }

    [Fact]
    public async Task Department_staff_get_only_their_own_departments_figures()
    {
        var s = await ComputeAsync(data.StaffOfB);

        Assert.Equal(3, s.StageCounts.Values.Sum()); // C3, C6, C7
        Assert.Equal(200_000, s.Pools.Single(p => p.PoolId == data.CrossPool).Granted);
        Assert.All(s.Activity, a => Assert.Contains(a.CaseNumber, new[] { KnownDataSet.Number(3), KnownDataSet.Number(6), KnownDataSet.Number(7) }));
    }
}
