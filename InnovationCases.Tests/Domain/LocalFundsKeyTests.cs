using InnovationCases.Domain;

namespace InnovationCases.Tests.Domain;

public sealed class LocalFundsKeyTests
{
    [Fact]
    public void Shares_follow_the_wage_sums_and_add_up_to_the_total_exactly()
    {
        var shares = LocalFundsKey.Allocate(10_000_000, [(1, 1), (2, 1), (3, 1)]);

        Assert.Equal(10_000_000, shares.Values.Sum());
        Assert.Equal([3_333_334, 3_333_333, 3_333_333], shares.OrderBy(s => s.Key).Select(s => s.Value));
    }

    [Fact]
    public void Shares_are_proportional_to_wage_sums()
    {
        var shares = LocalFundsKey.Allocate(10_000_000, [(1, 3_000_000_000), (2, 1_000_000_000)]);

        Assert.Equal(7_500_000, shares[1]);
        Assert.Equal(2_500_000, shares[2]);
    }

    [Fact]
    public void No_wage_sums_give_no_shares() =>
        Assert.All(LocalFundsKey.Allocate(10_000_000, [(1, 0), (2, 0)]).Values, v => Assert.Equal(0, v));

    [Fact]
    public void Money_is_formatted_the_Danish_way() =>
        Assert.Equal("2.500.000 kr.", Money.Format(2_500_000));
}
