using Bunit;
using InnovationCases.Domain;
using InnovationCases.Features.Dashboard;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Dashboard;

public sealed class DashboardComponentsTests : BunitTestContext
{
    private static DashboardSnapshot Empty(DateTime now) => new(
        2027, now, Enum.GetValues<Stage>().ToDictionary(s => s, _ => 0), [], 0, null, 0, 0, 0, 0, [], [],
        DashboardMath.FlowPoints(now), Enum.GetValues<Stage>().ToDictionary(s => s, _ => new int[12]),
        DashboardMath.TimeInStage([]), [], []);

    [Fact]
    public void Charts_render_for_a_year_without_any_cases()
    {
        var cut = Render<DashboardCharts>(p => p.Add(x => x.Snapshot, Empty(new DateTime(2027, 1, 10, 0, 0, 0, DateTimeKind.Utc))));

        Assert.Equal(5, cut.FindAll("[data-chart]").Count);
        Assert.Contains("Ingen data endnu.", cut.Find("[data-chart='themes']").TextContent);
    }

    [Fact]
    public void Stage_tiles_show_the_count_of_each_working_stage()
    {
        var counts = Enum.GetValues<Stage>().ToDictionary(s => s, s => (int)s + 1);

        var cut = Render<StageTiles>(p => p.Add(x => x.Counts, counts));

        Assert.Equal("1", cut.Find("[data-stage-count='Submitted']").TextContent);
        Assert.Equal("5", cut.Find("[data-stage-count='Implemented']").TextContent);
        Assert.Contains("Indsendt", cut.Find("[data-stage='Submitted']").TextContent);
    }

    [Fact]
    public void Activity_feed_describes_moves_in_danish_with_a_link_to_the_case()
    {
        ActivityItem[] items =
        [
            new(2, "INNO-2026-0002", "B", CaseEventKind.Moved, Stage.Screened, Stage.Recommended, Trigger.Recommend, "Niels Brandt", new DateTime(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc)),
            new(1, "INNO-2026-0001", "A", CaseEventKind.Created, null, Stage.Submitted, null, "Sara Lund", new DateTime(2026, 5, 1, 10, 0, 0, DateTimeKind.Utc)),
        ];

        var cut = Render<ActivityFeed>(p => p.Add(x => x.Items, items));

        var first = cut.FindAll("li")[0];
        Assert.Contains("Indstillet (Screenet → Indstillet)", first.TextContent);
        Assert.Contains("01.06.2026 12.00", first.TextContent); // Danish summer time, da-DK time separator
        Assert.Equal("cases/INNO-2026-0002", first.QuerySelector("a")!.GetAttribute("href"));
    }
}
