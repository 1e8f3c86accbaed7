using InnovationCases.Domain;
using InnovationCases.Features.Board;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InnovationCases.Tests.Features.Board;

public sealed class BoardOptionsTests
{
    [Fact]
    public void Stage_limits_default_to_the_agreed_days()
    {
        var options = Bind([]);

        Assert.Equal(14, options.LimitDaysFor(Stage.Submitted));
        Assert.Equal(21, options.LimitDaysFor(Stage.Screened));
        Assert.Equal(30, options.LimitDaysFor(Stage.Recommended));
        Assert.Equal(365, options.LimitDaysFor(Stage.Granted));
        Assert.Equal(120, options.LimitDaysFor(Stage.Implemented));
        Assert.Null(options.LimitDaysFor(Stage.Evaluated));
        Assert.Null(options.WipLimitFor(Stage.Screened));
    }

    [Fact]
    public void Configuration_overrides_a_stage_limit_and_sets_wip_limits()
    {
        var options = Bind(new()
        {
            ["Board:StageLimitDays:Submitted"] = "7",
            ["Board:WipLimits:Screened"] = "12",
        });

        Assert.Equal(7, options.LimitDaysFor(Stage.Submitted));
        Assert.Equal(21, options.LimitDaysFor(Stage.Screened));
        Assert.Equal(12, options.WipLimitFor(Stage.Screened));
    }

    private static BoardOptions Bind(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddBoard(config).BuildServiceProvider();
        return services.GetRequiredService<IOptions<BoardOptions>>().Value;
    }
}
