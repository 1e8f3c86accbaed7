using InnovationCases.Domain.Assignments;

namespace InnovationCases.Tests.Domain.Rounds;

public sealed class AssignmentSpreadTests
{
    [Fact]
    public void Cases_are_spread_evenly_and_only_to_eligible_people()
    {
        var people = new[] { "a", "b", "c" };
        var cases = Enumerable.Range(1, 7).ToList();

        // "c" may not take even cases (say, their department leads them).
        var spread = AssignmentRules.Spread(cases, people, (n, p) => p != "c" || n % 2 == 1);

        Assert.All(spread, s => Assert.NotNull(s.Person));
        Assert.DoesNotContain(spread, s => s.Person == "c" && s.Case % 2 == 0);
        var loads = spread.GroupBy(s => s.Person).Select(g => g.Count()).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, string.Join(",", loads));
    }

    [Fact]
    public void A_case_nobody_may_take_is_left_without_a_person()
    {
        var spread = AssignmentRules.Spread([1, 2], new[] { "a" }, (n, _) => n == 1);

        Assert.Equal("a", spread[0].Person);
        Assert.Null(spread[1].Person);
    }
}
