using InnovationCases.Domain;
using InnovationCases.Domain.Delivery;

namespace InnovationCases.Tests.Domain.Delivery;

public sealed class DeliveryMathTests
{
    [Fact]
    public void Progress_is_the_weighted_share_of_milestones_done()
    {
        var milestones = new[]
        {
            new Milestone { Weight = 1, DoneDate = new DateOnly(2026, 3, 1) },
            new Milestone { Weight = 3, DoneDate = new DateOnly(2026, 5, 1) },
            new Milestone { Weight = 4 },
        };

        Assert.Equal(50, DeliveryMath.Progress(milestones));
    }

    [Fact]
    public void Progress_without_milestones_is_zero_and_all_done_is_a_hundred()
    {
        Assert.Equal(0, DeliveryMath.Progress([]));
        Assert.Equal(100, DeliveryMath.Progress([new Milestone { Weight = 2, DoneDate = new DateOnly(2026, 1, 1) }]));
    }

    [Fact]
    public void Progress_rounds_down_so_a_hundred_means_every_milestone_is_done()
    {
        Assert.Equal(99, DeliveryMath.Progress(1000, 999));
    }

    [Theory]
    [InlineData(100, 200, 162, 62)]
    [InlineData(100, 200, 250, 100)]
    [InlineData(100, 200, 50, 0)]
    [InlineData(40, 20, 30, 50)]
    [InlineData(40, 20, 45, 0)]
    [InlineData(0, 250000, 155000, 62)]
    public void Way_to_target_works_in_both_directions_and_is_clamped(int baseline, int target, int value, int percent)
    {
        Assert.Equal(percent, DeliveryMath.PercentOfWay(baseline, target, value));
    }

    [Fact]
    public void Indicator_reports_the_way_of_its_latest_measurement_by_date()
    {
        var indicator = new Indicator { Baseline = 10, Target = 20 };
        indicator.Measurements.Add(new Measurement { Id = 2, Date = new DateOnly(2026, 2, 1), Value = 12, ByUserId = "u", ByName = "U" });
        indicator.Measurements.Add(new Measurement { Id = 1, Date = new DateOnly(2026, 6, 1), Value = 16, ByUserId = "u", ByName = "U" });

        Assert.Equal(16, indicator.Latest!.Value);
        Assert.Equal(60, indicator.PercentOfWay);
    }

    [Fact]
    public void Paid_share_of_a_grant()
    {
        Assert.Equal(40, DeliveryMath.PaidPercent(500_000, 200_000));
        Assert.Equal(0, DeliveryMath.PaidPercent(0, 0));
    }

    [Fact]
    public void Measures_are_limited_to_the_domains_amount_range_in_both_signs()
    {
        Assert.True(Limits.IsMeasure(-Limits.AmountMax));
        Assert.True(Limits.IsMeasure(Limits.AmountMax));
        Assert.False(Limits.IsMeasure(Limits.AmountMax + 1m));
        Assert.False(Limits.IsMeasure(null));
    }
}
