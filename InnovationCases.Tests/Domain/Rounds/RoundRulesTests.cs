using InnovationCases.Domain.Rounds;

namespace InnovationCases.Tests.Domain.Rounds;

public sealed class RoundRulesTests
{
    private static readonly ApplicationRound Spring = new() { Name = "Forår", OpensOn = new(2026, 2, 1), Deadline = new(2026, 3, 15), TargetAnswerDate = new(2026, 4, 26) };

    private static RoundInput Input(string opens, string deadline, string? target = null, int? days = 30) => new()
    {
        Name = "Efterår",
        OpensOn = DateOnly.Parse(opens),
        Deadline = DateOnly.Parse(deadline),
        TargetAnswerDate = target is null ? null : DateOnly.Parse(target),
        TargetDaysAfterDeadline = target is null ? days : null,
    };

    [Fact]
    public void A_deadline_before_the_opening_date_is_refused_at_the_deadline()
    {
        var errors = RoundRules.Validate(Input("2026-09-01", "2026-08-01"), [Spring]);

        Assert.Equal("Fristen kan ikke ligge før åbningsdatoen.", errors[nameof(RoundInput.Deadline)]);
    }

    [Theory]
    [InlineData("2026-03-15", "2026-04-01")]
    [InlineData("2026-01-01", "2026-02-01")]
    [InlineData("2026-01-01", "2026-12-31")]
    public void A_round_overlapping_another_is_refused_with_its_name(string opens, string deadline)
    {
        var errors = RoundRules.Validate(Input(opens, deadline), [Spring]);

        Assert.Equal("Runden overlapper Forår. Runder må ikke overlappe.", errors[nameof(RoundInput.OpensOn)]);
    }

    [Fact]
    public void A_round_after_another_with_a_target_in_days_is_valid()
    {
        var input = Input("2026-03-16", "2026-05-01", days: 42);

        Assert.Empty(RoundRules.Validate(input, [Spring]));
        Assert.Equal(new DateOnly(2026, 6, 12), input.Target);
    }

    [Fact]
    public void A_target_before_the_deadline_or_no_target_is_refused()
    {
        Assert.Equal("Svardatoen kan ikke ligge før fristen.", RoundRules.Validate(Input("2026-09-01", "2026-10-01", "2026-09-15"), [])[nameof(RoundInput.TargetAnswerDate)]);
        Assert.Contains(nameof(RoundInput.TargetAnswerDate), RoundRules.Validate(Input("2026-09-01", "2026-10-01", days: null), []).Keys);
        Assert.Equal("Giv runden et navn.", RoundRules.Validate(new RoundInput { OpensOn = new(2026, 9, 1), Deadline = new(2026, 10, 1), TargetDaysAfterDeadline = 5 }, [])[nameof(RoundInput.Name)]);
    }

    [Fact]
    public void Answer_time_runs_from_the_deadline_to_the_last_decision_and_waits_for_every_case()
    {
        Assert.Equal(40, RoundRules.AnswerDays(Spring, [new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 24)]));
        Assert.Null(RoundRules.AnswerDays(Spring, [new DateOnly(2026, 4, 1), null]));
        Assert.Null(RoundRules.AnswerDays(Spring, []));
    }

    [Fact]
    public void The_open_round_and_the_next_are_found_by_danish_date()
    {
        var autumn = new ApplicationRound { Name = "Efterår", OpensOn = new(2026, 9, 1), Deadline = new(2026, 10, 1), TargetAnswerDate = new(2026, 11, 1) };

        Assert.Same(Spring, RoundRules.OpenOn([Spring, autumn], new DateOnly(2026, 3, 15)));
        Assert.Null(RoundRules.OpenOn([Spring, autumn], new DateOnly(2026, 3, 16)));
        Assert.Same(autumn, RoundRules.NextAfter([Spring, autumn], new DateOnly(2026, 3, 16)));
    }
}
