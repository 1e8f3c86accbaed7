using Bunit;
using InnovationCases.Domain;
using InnovationCases.Features.Pools;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Pools;

public sealed class PoolSummaryTests : BunitTestContext
{
    [Fact]
    public void Shows_budget_granted_committed_remaining_and_the_wage_sum_key_in_danish_format()
    {
        PoolLine[] pools =
        [
            new(1, 2026, PoolKind.CrossCutting, null, null, null, null, 30_000_000, 2_500_000, 1_000_000),
            new(2, 2026, PoolKind.LocalFunds, 7, "Børn og Unge", 2_310_000_000, 0.433m, 4_331_521, 0, 0),
        ];

        var cut = Render<PoolSummary>(p => p.Add(x => x.Pools, pools));

        var cross = cut.Find("[data-pool-id='1']");
        Assert.Equal("30.000.000 kr.", cross.QuerySelector("[data-figure='budget']")!.TextContent);
        Assert.Equal("2.500.000 kr.", cross.QuerySelector("[data-figure='granted']")!.TextContent);
        Assert.Equal("1.000.000 kr.", cross.QuerySelector("[data-figure='committed']")!.TextContent);
        Assert.Equal("27.500.000 kr.", cross.QuerySelector("[data-figure='remaining']")!.TextContent);
        var local = cut.Find("[data-pool-id='2']");
        Assert.Contains("Børn og Unge", local.TextContent);
        Assert.Contains("43,3 %", local.TextContent);
        Assert.Contains("2.310.000.000 kr.", local.TextContent);
    }

    [Fact]
    public void A_pool_with_no_budget_shows_an_empty_bar_instead_of_dividing_by_zero()
    {
        var line = new PoolLine(3, 2026, PoolKind.LocalFunds, 8, "Teknik og Miljø", 0, 0m, 0, 0, 0);

        Assert.Equal(0, line.GrantedPercent);
        Assert.Equal(0, line.Remaining);
    }
}
