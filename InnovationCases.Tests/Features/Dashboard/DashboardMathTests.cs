using InnovationCases.Domain;
using InnovationCases.Features.Dashboard;

namespace InnovationCases.Tests.Features.Dashboard;

public sealed class DashboardMathTests
{
    private static DateTime D(int month, int day, int hour = 12) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Median_takes_the_middle_value_or_the_mean_of_the_two_middle_values()
    {
        Assert.Equal(3, DashboardMath.Median([5, 1, 3]));
        Assert.Equal(2.5, DashboardMath.Median([4, 1, 3, 2]));
        Assert.Null(DashboardMath.Median([]));
    }

    [Fact]
    public void Flow_points_are_the_ends_of_the_last_eleven_months_and_now()
    {
        var now = D(6, 15);
        var points = DashboardMath.FlowPoints(now);

        Assert.Equal(12, points.Count);
        Assert.Equal(new DateTime(2025, 8, 1, 0, 0, 0, DateTimeKind.Utc), points[0]); // end of July 2025
        Assert.Equal(new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), points[10]); // end of May 2026
        Assert.Equal(now, points[11]);
    }

    [Fact]
    public void Cumulative_flow_counts_each_case_in_the_stage_of_its_last_event_at_or_before_each_point()
    {
        StageEvent[] events =
        [
            new(1, "A", D(3, 10), Stage.Submitted),
            new(1, "A", D(4, 20), Stage.Screened),
            new(2, "B", D(4, 1), Stage.Submitted),
            new(2, "B", new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc), Stage.Rejected), // exactly at April's end
        ];
        DateTime[] points = [new(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), new(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc), D(5, 20)];

        var flow = DashboardMath.CumulativeFlow(events, points);

        Assert.Equal([1, 0, 0], flow[Stage.Submitted]);
        Assert.Equal([0, 1, 1], flow[Stage.Screened]);
        Assert.Equal([0, 1, 1], flow[Stage.Rejected]);
    }

    [Fact]
    public void Stays_run_from_one_event_to_the_next_and_an_open_stay_to_now()
    {
        StageEvent[] events =
        [
            new(1, "A", D(3, 1), Stage.Submitted),
            new(1, "A", D(3, 11), Stage.Screened),
            new(1, "A", D(3, 14), Stage.Rejected),
            new(2, "B", D(3, 5), Stage.Submitted),
        ];

        var stays = DashboardMath.Stays(events, D(3, 25));
        var time = DashboardMath.TimeInStage(stays);

        Assert.Equal(3, stays.Count); // the closed end is not a stay
        var submitted = time.Single(t => t.Stage == Stage.Submitted);
        Assert.Equal(15, submitted.MeanDays); // 10 and 20 days
        Assert.Equal(["B", "A"], submitted.Slowest.Select(s => s.CaseNumber));
        Assert.True(submitted.Slowest[0].Ongoing);
        Assert.Equal(3, time.Single(t => t.Stage == Stage.Screened).MeanDays);
        Assert.Null(time.Single(t => t.Stage == Stage.Granted).MeanDays);
    }
}
