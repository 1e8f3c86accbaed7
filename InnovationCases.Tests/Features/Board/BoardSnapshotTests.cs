using System.Text.Json;
using InnovationCases.Domain;
using InnovationCases.Features.Board;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Board;

/// <summary>
/// The prerendered board hands its snapshot to the interactive render as JSON ([PersistentState],
/// which uses the web defaults): what comes back must be the same board.
/// </summary>
public sealed class BoardSnapshotTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly TestApp _app = fixture.App;

    private BoardService Boards => _app.AppServices.GetRequiredService<BoardService>();

    [Fact]
    public async Task A_snapshot_survives_the_json_round_trip_of_the_prerendered_state()
    {
        var actor = await _app.ActorAsync(DemoUsers.Caseworker);
        var loaded = await Boards.LoadAsync(actor, BoardFilter.None, pageSize: 20);
        Assert.True(loaded.LatestEventId > 0);

        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var back = JsonSerializer.Deserialize<BoardSnapshot>(JsonSerializer.Serialize(loaded, options), options)!;

        Assert.Equal(loaded.LatestEventId, back.LatestEventId);
        Assert.Equal(loaded.Totals.OrderBy(t => t.Key), back.Totals.OrderBy(t => t.Key));
        Assert.Equal(loaded.Years, back.Years);
        Assert.Equal(loaded.Departments, back.Departments);
        Assert.Equal(loaded.Rounds, back.Rounds);
        var now = DateTime.UtcNow;
        foreach (var stage in BoardService.Columns)
        {
            var before = loaded.Cards[stage];
            var after = back.Cards[stage];
            Assert.Equal(before.Count, after.Count);
            for (var i = 0; i < before.Count; i++)
            {
                // Records with lists compare lists by reference; compare them by value, the rest as a record.
                Assert.Equal(before[i].PartnerDepartmentIds, after[i].PartnerDepartmentIds);
                Assert.Equal(before[i], after[i] with { PartnerDepartmentIds = before[i].PartnerDepartmentIds });
                Assert.Equal(
                    BoardMoves.Permitted(before[i], actor, now).Select(m => m.Target),
                    BoardMoves.Permitted(after[i], actor, now).Select(m => m.Target));
            }
        }
    }

    [Fact]
    public async Task A_card_before_its_grant_is_written_without_the_figures_it_does_not_have()
    {
        var actor = await _app.ActorAsync(DemoUsers.Caseworker);
        var loaded = await Boards.LoadAsync(actor, BoardFilter.None, pageSize: 20);
        var card = loaded.Cards[Stage.Submitted].First(c => c.RecommendedAmount is null);

        var json = JsonSerializer.Serialize(card, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        foreach (var name in new[] { "recommendedAmount", "grantedAmount", "grantedAt", "paid", "milestoneWeight", "milestoneWeightDone", "oldestOpenDue", "lastMeasurement" })
        {
            Assert.DoesNotContain($"\"{name}\"", json);
        }

        Assert.Contains("\"requestedAmount\"", json);
    }

    [Fact]
    public async Task The_latest_event_id_grows_with_a_change_so_a_board_can_tell_it_missed_one()
    {
        var before = await Boards.LatestEventIdAsync();

        await Arrange.CaseAsync(_app, Stage.Submitted);

        Assert.True(await Boards.LatestEventIdAsync() > before);
    }
}
