using InnovationCases.Domain;

namespace InnovationCases.Tests.Domain;

public sealed class BusinessCaseTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-12-31", false)]
    [InlineData("2026-03-01", "2026-03-31", false)]
    [InlineData("2026-12-01", "2027-01-31", true)]
    [InlineData("2026-03-01", "2028-06-30", true)]
    public void A_period_is_multi_year_when_it_crosses_a_budget_year(string start, string end, bool expected)
    {
        var (s, e) = (DateOnly.Parse(start), DateOnly.Parse(end));

        Assert.Equal(expected, BusinessCase.IsMultiYear(s, e));
        Assert.Equal(expected, new InnovationCase { PeriodStart = s, PeriodEnd = e }.IsMultiYear);
    }

    [Fact]
    public void Payback_and_co_financing_share_come_from_the_one_formula()
    {
        var c = new InnovationCase { RequestedAmount = 1_000_000, ExpectedAnnualGain = 400_000, InternalCoFinancing = 250_000, ExternalCoFinancing = 250_000 };

        Assert.Equal(2.5m, c.PaybackYears);
        Assert.Equal(0.333m, c.CoFinancingShare);
        Assert.Null(BusinessCase.PaybackYears(1_000_000, 0));
    }
}
