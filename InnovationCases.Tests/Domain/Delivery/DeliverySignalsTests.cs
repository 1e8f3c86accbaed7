using InnovationCases.Domain;
using InnovationCases.Domain.Delivery;

namespace InnovationCases.Tests.Domain.Delivery;

public sealed class DeliverySignalsTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DeliveryOptions Options = new();

    private static DeliveryFacts Healthy() => new(
        Stage.Granted, GrantedOn: new DateOnly(2026, 3, 1), GrantedAmount: 1_000_000, Paid: 300_000,
        TotalWeight: 4, DoneWeight: 2, OldestOpenDue: Today.AddDays(10), LastMeasurement: Today.AddMonths(-1));

    [Fact]
    public void A_project_on_track_has_no_signals()
    {
        Assert.Empty(DeliverySignals.For(Healthy(), Today, Options));
    }

    [Fact]
    public void A_milestone_overdue_by_more_than_the_limit_is_a_signal_and_at_the_limit_is_not()
    {
        Assert.Empty(DeliverySignals.For(Healthy() with { OldestOpenDue = Today.AddDays(-60) }, Today, Options));

        var signal = Assert.Single(DeliverySignals.For(Healthy() with { OldestOpenDue = Today.AddDays(-61) }, Today, Options));
        Assert.Equal(StopSignalKind.MilestoneOverdue, signal.Kind);
        Assert.Equal(61, signal.Amount);
        Assert.Contains("61 dage", signal.Describe());
    }

    [Fact]
    public void Spend_more_than_thirty_points_ahead_of_progress_is_a_signal()
    {
        Assert.Empty(DeliverySignals.For(Healthy() with { Paid = 800_000 }, Today, Options));

        var signal = Assert.Single(DeliverySignals.For(Healthy() with { Paid = 810_000 }, Today, Options));
        Assert.Equal(StopSignalKind.SpendAhead, signal.Kind);
        Assert.Equal(31, signal.Amount);
    }

    [Fact]
    public void No_measurement_for_six_months_is_a_signal_counted_from_the_grant_before_the_first()
    {
        var silent = DeliverySignals.For(Healthy() with { LastMeasurement = new DateOnly(2026, 5, 31) }, Today, Options);
        Assert.Equal(StopSignalKind.Silent, Assert.Single(silent).Kind);
        Assert.Equal(6, silent[0].Amount);

        var neverMeasured = Healthy() with { LastMeasurement = null, GrantedOn = Today.AddMonths(-5) };
        Assert.Empty(DeliverySignals.For(neverMeasured, Today, Options));
        Assert.Single(DeliverySignals.For(neverMeasured with { GrantedOn = Today.AddMonths(-7) }, Today, Options));
    }

    [Fact]
    public void The_thresholds_come_from_the_options()
    {
        var strict = new DeliveryOptions { OverdueDays = 5, SpendAheadPercent = 0, SilentMonths = 1 };
        var facts = Healthy() with { OldestOpenDue = Today.AddDays(-6), Paid = 510_000, LastMeasurement = Today.AddMonths(-2) };

        Assert.Equal(
            [StopSignalKind.MilestoneOverdue, StopSignalKind.SpendAhead, StopSignalKind.Silent],
            DeliverySignals.For(facts, Today, strict).Select(s => s.Kind));
    }

    [Theory]
    [InlineData(Stage.Implemented)]
    [InlineData(Stage.Evaluated)]
    [InlineData(Stage.Stopped)]
    public void Only_a_case_in_granted_is_flagged(Stage stage)
    {
        var facts = Healthy() with { Stage = stage, OldestOpenDue = Today.AddYears(-1), Paid = 1_000_000, LastMeasurement = null };

        Assert.Empty(DeliverySignals.For(facts, Today, Options));
    }
}
