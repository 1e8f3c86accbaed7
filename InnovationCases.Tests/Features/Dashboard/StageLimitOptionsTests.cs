using InnovationCases.Domain;
using InnovationCases.Features.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InnovationCases.Tests.Features.Dashboard;

public sealed class StageLimitOptionsTests
{
    [Fact]
    public void Stage_limits_are_read_from_Board_StageLimitDays_with_defaults_for_the_rest()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Board:StageLimitDays:Screened"] = "40" });
        builder.AddDashboard();
        using var services = builder.Services.BuildServiceProvider();

        var limits = services.GetRequiredService<IOptions<StageLimitOptions>>().Value;

        Assert.Equal(40, limits.For(Stage.Screened));
        Assert.Equal(14, limits.For(Stage.Submitted));
        Assert.Equal(30, limits.For(Stage.Recommended));
        Assert.Equal(365, limits.For(Stage.Granted));
        Assert.Equal(120, limits.For(Stage.Implemented));
        Assert.Null(limits.For(Stage.Evaluated));
        Assert.Null(limits.For(Stage.Rejected));
    }
}
