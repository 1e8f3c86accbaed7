using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Moves;
using InnovationCases.Domain;
using InnovationCases.Features.Board;
using InnovationCases.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Board;

public class BoardServiceTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly TestApp _app = fixture.App;

    private BoardService Boards => _app.AppServices.GetRequiredService<BoardService>();

    [Fact]
    public async Task Paging_a_column_after_its_last_card_returns_every_case_once_in_board_order()
    {
        var actor = await _app.ActorAsync(DemoUsers.Caseworker);
        var all = await Boards.LoadAsync(actor, BoardFilter.None, pageSize: 1_000);
        var expected = all.Cards[Stage.Granted].Select(c => c.CaseNumber).ToList();
        Assert.True(expected.Count > 3);

        var paged = new List<string>();
        BoardItem? last = null;
        while (true)
        {
            var page = await Boards.LoadMoreAsync(actor, BoardFilter.None, Stage.Granted, last, pageSize: 3);
            if (page.Items.Count == 0)
            {
                break;
            }

            paged.AddRange(page.Items.Select(i => i.CaseNumber));
            last = page.Items[^1];
        }

        Assert.Equal(expected, paged);
        Assert.Equal(all.Totals[Stage.Granted].Count, paged.Count);
    }

    [Theory]
    [InlineData("Gevinst.", "Risiko.", "Drift.", "Måling.")]
    [InlineData("", "Risiko.", "Drift.", "Måling.")]
    [InlineData("Gevinst.", " \t\n", "Drift.", "Måling.")]
    [InlineData("Gevinst.", "Risiko.", "", " ")]
    public async Task A_card_carries_which_business_case_texts_are_filled_and_the_board_answers_screening_as_the_workflow_does(
        string gain, string risks, string viability, string effectPlan)
    {
        var c = await Arrange.CaseAsync(_app, Stage.Submitted, configure: x =>
        {
            x.GainDescription = gain;
            x.Risks = risks;
            x.Viability = viability;
            x.EffectPlan = effectPlan;
        });
        var actor = await _app.ActorAsync(DemoUsers.Caseworker);
        await using var db = await _app.DbAsync();
        var stored = await db.Cases.Include(x => x.Pool).SingleAsync(x => x.Id == c.Id);

        var item = (await Boards.LoadItemAsync(c.Id))!;

        Assert.Equal(BusinessCase.IsFilled(gain), item.FilledTexts.HasFlag(BusinessCaseTexts.GainDescription));
        Assert.Equal(BusinessCase.IsFilled(risks), item.FilledTexts.HasFlag(BusinessCaseTexts.Risks));
        Assert.Equal(BusinessCase.IsFilled(viability), item.FilledTexts.HasFlag(BusinessCaseTexts.Viability));
        Assert.Equal(BusinessCase.IsFilled(effectPlan), item.FilledTexts.HasFlag(BusinessCaseTexts.EffectPlan));
        var now = DateTime.UtcNow;
        var fromCase = new CaseWorkflow(new WorkflowContext(actor, stored, stored.Pool!, long.MaxValue, false, now)).Check(Trigger.Screen);
        var fromCard = BoardMoves.Drop(item, Stage.Screened, actor, now);
        Assert.Equal(fromCase.Allowed, fromCard.Allowed);
        Assert.Equal(fromCase.Reasons, fromCard.Reasons);
        var json = System.Text.Json.JsonSerializer.Serialize(item, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        Assert.DoesNotContain("Gevinst.", json);
        Assert.DoesNotContain("Drift.", json);
    }

    [Fact]
    public async Task Department_staff_load_only_cases_their_department_leads_or_partners()
    {
        var actor = await _app.ActorAsync(DemoUsers.Mbu);

        var board = await Boards.LoadAsync(actor, BoardFilter.None, pageSize: 1_000);

        var cards = board.Cards.Values.SelectMany(c => c).ToList();
        Assert.NotEmpty(cards);
        Assert.All(cards, c => Assert.True(c.InvolvesDepartment(actor.DepartmentId!.Value)));
        Assert.Equal(cards.Count, board.Totals.Values.Sum(t => t.Count));
    }

    [Fact]
    public async Task Side_panel_shows_assessments_to_the_secretariat_and_managers_but_not_to_department_staff()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Screened, leadCode: "MBU", qualifyingAssessment: true);

        var manager = await Boards.LoadDetailsAsync(c.CaseNumber, await _app.ActorAsync(DemoUsers.Manager));
        var staff = await Boards.LoadDetailsAsync(c.CaseNumber, await _app.ActorAsync(DemoUsers.Mbu));
        var otherStaff = await Boards.LoadDetailsAsync(c.CaseNumber, await _app.ActorAsync(DemoUsers.Mso));

        Assert.Single(manager!.Assessments!);
        Assert.NotNull(staff);
        Assert.Null(staff.Assessments);
        Assert.Null(otherStaff);
    }

    [Fact]
    public async Task The_feed_reads_a_changed_case_once_and_hands_the_same_card_to_every_board()
    {
        var feed = _app.AppServices.GetRequiredService<BoardFeed>();
        var c = await Arrange.CaseAsync(_app, Stage.Submitted);
        var before = feed.SubscriberCount;
        var received = new List<BoardUpdate>();
        var all = new TaskCompletionSource();
        var subscriptions = Enumerable.Range(0, 3).Select(_ => feed.Subscribe(u =>
        {
            if (u.Change.CaseNumber == c.CaseNumber)
            {
                lock (received)
                {
                    received.Add(u);
                    if (received.Count == 3)
                    {
                        all.TrySetResult();
                    }
                }
            }

            return Task.CompletedTask;
        })).ToList();
        Assert.Equal(before + 3, feed.SubscriberCount);

        var actor = await _app.ActorAsync(DemoUsers.Caseworker);
        var result = await _app.AppServices.GetRequiredService<CaseWorkflowService>().FireAsync(c.CaseNumber, new ScreenData(), actor, c.Version);
        await all.Task.WaitAsync(TimeSpan.FromSeconds(10));
        subscriptions.ForEach(s => s.Dispose());

        Assert.IsType<MoveResult.Moved>(result);
        Assert.All(received, u => Assert.Same(received[0].Item, u.Item));
        Assert.Equal(Stage.Screened, received[0].Item!.Stage);
        Assert.Equal(before, feed.SubscriberCount);
    }
}
