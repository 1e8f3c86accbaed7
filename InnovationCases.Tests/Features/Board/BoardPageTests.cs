using Bunit;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Moves;
using InnovationCases.Features.Board;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace InnovationCases.Tests.Features.Board;

public sealed class BoardPageTests(BoardAppFixture fixture) : BoardBunitContext(fixture), IClassFixture<BoardAppFixture>
{
    private static readonly string[] BoardOrder =
        ["Submitted", "Screened", "Recommended", "Granted", "Implemented", "Evaluated", "Rejected", "Withdrawn", "Stopped"];

    [Fact]
    public async Task Columns_follow_the_workflow_order_with_the_closed_ends_last()
    {
        await SignInAsync(DemoUsers.Caseworker);

        var cut = RenderBoard();

        cut.WaitForAssertion(() => Assert.Equal(BoardOrder, cut.FindAll("section[data-stage]").Select(s => s.GetAttribute("data-stage")).ToArray()));
        Assert.Equal(["Indsendt", "Screenet", "Indstillet", "Bevilget", "Gennemført", "Evalueret"],
            cut.FindAll("section[data-stage] h2").Take(6).Select(h => h.TextContent).ToArray());
    }

    [Fact]
    public async Task Column_headers_show_the_true_count_and_sum_of_each_stage()
    {
        await SignInAsync(DemoUsers.Caseworker);
        Settings.PageSize = 2; // fewer cards than cases: the header must still count them all
        var expected = await ExpectedTotalsAsync(_ => true);

        var cut = RenderBoard();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-case-number]")));
        foreach (var stage in BoardService.Columns)
        {
            var (count, sum) = expected.GetValueOrDefault(stage);
            var column = cut.Find($"section[data-stage='{stage}']");
            Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), column.QuerySelector("[data-column-count]")!.GetAttribute("data-column-count"));
            Assert.Contains(Money.Format(sum), column.QuerySelector("[data-column-sum]")!.TextContent);
            Assert.True(column.QuerySelectorAll("[data-case-number]").Length <= 2);
        }

        Assert.Contains("Vis flere", cut.Find("section[data-stage='Granted']").TextContent);
    }

    [Fact]
    public async Task Department_staff_count_only_the_cases_their_department_leads_or_partners()
    {
        var actor = await SignInAsync(DemoUsers.Mbu);
        var expected = await ExpectedTotalsAsync(c => c.InvolvesDepartment(actor.DepartmentId!.Value));

        var cut = RenderBoard();

        cut.WaitForAssertion(() => Assert.Equal(
            expected.GetValueOrDefault(Stage.Submitted).Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            cut.Find("section[data-stage='Submitted'] [data-column-count]").GetAttribute("data-column-count")));
        var total = cut.FindAll("[data-column-count]").Sum(e => int.Parse(e.GetAttribute("data-column-count")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.Values.Sum(v => v.Count), total);
    }

    [Fact]
    public async Task A_column_above_its_wip_limit_gets_a_red_header()
    {
        await SignInAsync(DemoUsers.Caseworker);
        Settings.WipLimits[Stage.Granted] = 1;
        Settings.WipLimits[Stage.Submitted] = 10_000;

        var cut = RenderBoard();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("section[data-stage='Granted'] header[data-over-wip]")));
        Assert.Contains("Over WIP-grænsen på 1", cut.Find("section[data-stage='Granted'] header").TextContent);
        Assert.Empty(cut.FindAll("section[data-stage='Submitted'] header[data-over-wip]"));
    }

    [Fact]
    public async Task While_dragging_the_permitted_columns_are_highlighted_and_a_refused_drop_shows_the_reason_and_the_card_stays()
    {
        await SignInAsync(DemoUsers.Caseworker);
        var title = "Afvist træk " + Guid.NewGuid().ToString("N")[..6];
        var c = await Arrange.CaseAsync(App, Stage.Submitted, configure: x => x.Title = title);
        var cut = RenderBoard("board?q=" + Uri.EscapeDataString(title));
        cut.WaitForAssertion(() => cut.Find($"section[data-stage='Submitted'] [data-case-number='{c.CaseNumber}']"));

        cut.Find($"[data-case-number='{c.CaseNumber}']").DragStart();
        cut.WaitForAssertion(() => Assert.Contains("board-column--allowed", cut.Find("section[data-stage='Screened']").ClassName));
        Assert.Contains("board-column--blocked", cut.Find("section[data-stage='Granted']").ClassName);
        Assert.Contains("board-column--allowed", cut.Find("section[data-stage='Rejected']").ClassName);
        cut.Find("section[data-stage='Granted']").Drop();

        cut.WaitForAssertion(() => Assert.Contains("Sagen kan ikke springe fra Indsendt til Bevilget", cut.Find("[data-board-message]").TextContent));
        Assert.Single(cut.FindAll($"section[data-stage='Submitted'] [data-case-number='{c.CaseNumber}']"));
        Assert.Empty(cut.FindAll($"section[data-stage='Granted'] [data-case-number='{c.CaseNumber}']"));
        await using var db = await App.DbAsync();
        Assert.Equal(Stage.Submitted, (await db.Cases.SingleAsync(x => x.Id == c.Id)).Stage);
    }

    [Fact]
    public async Task A_drop_the_workflow_refuses_is_answered_from_the_board_without_waiting_for_the_database_writer()
    {
        await SignInAsync(DemoUsers.Caseworker);
        var title = "Låst skriver " + Guid.NewGuid().ToString("N")[..6];
        var c = await Arrange.CaseAsync(App, Stage.Submitted, configure: x => x.Title = title);
        var cut = RenderBoard("board?q=" + Uri.EscapeDataString(title));
        cut.WaitForAssertion(() => cut.Find($"section[data-stage='Submitted'] [data-case-number='{c.CaseNumber}']"));

        // Another write holds the one writer: a refusal that went through the service would wait behind it.
        var release = new TaskCompletionSource();
        var holding = App.AppServices.GetRequiredService<DbWriter>().WriteAsync(async _ => { await release.Task; return 0; });
        try
        {
            cut.Find($"[data-case-number='{c.CaseNumber}']").DragStart();
            cut.Find("section[data-stage='Implemented']").Drop();

            cut.WaitForAssertion(() => Assert.Contains("Sagen kan ikke springe fra Indsendt til Gennemført", cut.Find("[data-board-message]").TextContent));
            Assert.False(holding.IsCompleted);
        }
        finally
        {
            release.SetResult();
            await holding;
        }
    }

    [Fact]
    public async Task Filters_come_from_the_url_query()
    {
        await SignInAsync(DemoUsers.Caseworker);
        var title = "Filtreret sag " + Guid.NewGuid().ToString("N")[..6];
        var c = await Arrange.CaseAsync(App, Stage.Screened, configure: x => x.Title = title);

        var cut = RenderBoard("board?q=" + Uri.EscapeDataString(title));

        cut.WaitForAssertion(() => Assert.Equal([c.CaseNumber], cut.FindAll("[data-case-number]").Select(e => e.GetAttribute("data-case-number") ?? "").ToArray()));
        Assert.Equal("1", cut.Find("section[data-stage='Screened'] [data-column-count]").GetAttribute("data-column-count"));
    }

    [Fact]
    public async Task A_move_on_a_case_someone_changed_first_says_who_and_shows_the_current_truth()
    {
        await SignInAsync(DemoUsers.Caseworker);
        var title = "Konfliktsag " + Guid.NewGuid().ToString("N")[..6];
        var c = await Arrange.CaseAsync(App, Stage.Submitted, configure: x => x.Title = title);
        Services.GetRequiredService<NavigationManager>().NavigateTo("board?q=" + Uri.EscapeDataString(title));
        var cut = Render<BoardPage>();
        cut.WaitForAssertion(() => cut.Find($"section[data-stage='Submitted'] [data-case-number='{c.CaseNumber}']"));

        // Someone else moves the case without this board hearing of it (no live notice).
        await using (var db = await App.DbAsync())
        {
            var stored = await db.Cases.SingleAsync(x => x.Id == c.Id);
            stored.Stage = Stage.Screened;
            db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, Kind = CaseEventKind.Moved, FromStage = Stage.Submitted, ToStage = Stage.Screened, Trigger = Trigger.Screen, ActorUserId = "x", ActorName = "Niels Brandt", At = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        cut.Find($"[data-case-number='{c.CaseNumber}'] [data-move-menu]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-move-target='Screened']"));
        cut.Find("[data-move-target='Screened']").Click();

        cut.WaitForAssertion(() => Assert.Contains("Niels Brandt flyttede sagen først", cut.Find("[data-board-message]").TextContent));
        cut.WaitForAssertion(() => cut.Find($"section[data-stage='Screened'] [data-case-number='{c.CaseNumber}']"));
        Assert.Empty(cut.FindAll($"section[data-stage='Submitted'] [data-case-number='{c.CaseNumber}']"));
    }

    [Fact]
    public async Task Cancelling_the_dialog_of_a_dropped_card_puts_the_card_back()
    {
        await SignInAsync(DemoUsers.Caseworker);
        var title = "Fortrudt træk " + Guid.NewGuid().ToString("N")[..6];
        var c = await Arrange.CaseAsync(App, Stage.Submitted, configure: x => x.Title = title);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderBoard("board?q=" + Uri.EscapeDataString(title));
        cut.WaitForAssertion(() => cut.Find($"section[data-stage='Submitted'] [data-case-number='{c.CaseNumber}']"));
        cut.Find("[data-closed-toggle]").Click(); // open the closed cases
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-closed-toggle]").GetAttribute("aria-expanded")));
        cut.Find($"[data-case-number='{c.CaseNumber}']").DragStart();

        cut.Find("section[data-stage='Rejected']").Drop();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-move-dialog='Reject']"));
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Annuller", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-move-dialog]")));
        Assert.Single(cut.FindAll($"section[data-stage='Submitted'] [data-case-number='{c.CaseNumber}']"));
        Assert.Empty(cut.FindAll("[data-board-message]"));
        await using var db = await App.DbAsync();
        Assert.Equal(Stage.Submitted, (await db.Cases.SingleAsync(x => x.Id == c.Id)).Stage);
    }

    [Fact]
    public async Task The_closed_columns_show_their_totals_and_read_their_cards_when_opened()
    {
        await SignInAsync(DemoUsers.Caseworker);
        var title = "Afvist sag " + Guid.NewGuid().ToString("N")[..6];
        var c = await Arrange.CaseAsync(App, Stage.Rejected, configure: x => x.Title = title);
        var cut = RenderBoard("board?q=" + Uri.EscapeDataString(title));

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("section[data-stage='Rejected'] [data-column-count]").GetAttribute("data-column-count")));
        Assert.Empty(cut.FindAll("[data-case-number]"));

        cut.Find("[data-closed-toggle]").Click();

        cut.WaitForAssertion(() => cut.Find($"section[data-stage='Rejected'] [data-case-number='{c.CaseNumber}']"));
        Assert.Empty(cut.FindAll("section[data-stage='Rejected'] .board-column__more"));
    }

    [Fact]
    public async Task Show_more_loads_the_next_page_of_a_column()
    {
        await SignInAsync(DemoUsers.Caseworker);
        Settings.PageSize = 2;
        var cut = RenderBoard();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("section[data-stage='Granted'] [data-case-number]").Count));

        cut.Find("section[data-stage='Granted'] .board-column__more").Click();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("section[data-stage='Granted'] [data-case-number]").Count));
        var numbers = cut.FindAll("section[data-stage='Granted'] [data-case-number]").Select(e => e.GetAttribute("data-case-number")).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public async Task A_column_whose_list_ends_in_the_window_gets_its_next_page_once_the_script_is_attached()
    {
        await SignInAsync(DemoUsers.Caseworker);
        Settings.PageSize = 2;
        // The script answers attach with the columns whose list ends in view (a tall window): here Granted.
        var edgeScroll = JSInterop.SetupModule("./js/board-edge-scroll.js");
        edgeScroll.Setup<string[]?>("attach", _ => true).SetResult(["Granted"]);

        var cut = RenderBoard();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("section[data-stage='Granted'] [data-case-number]").Count));
        foreach (var stage in StageExtensions.Open.Where(s => s != Stage.Granted))
        {
            Assert.True(cut.FindAll($"section[data-stage='{stage}'] [data-case-number]").Count <= 2, $"{stage} kept its first page");
        }
    }

    [Fact]
    public async Task Typing_in_the_search_field_keeps_the_filter_in_the_url()
    {
        await SignInAsync(DemoUsers.Caseworker);
        var cut = RenderBoard();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-case-number]")));
        var navigation = Services.GetRequiredService<NavigationManager>();

        cut.Find("[data-filter='text']").Input("sensor");

        cut.WaitForAssertion(() => Assert.Contains("q=sensor", navigation.Uri), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_live_move_re_renders_only_the_two_columns_it_changes()
    {
        // The board's clock stands still: its hour is part of what every column shows (days in stage).
        Services.AddSingleton<TimeProvider>(new StoppedClock(DateTimeOffset.UtcNow));
        var actor = await SignInAsync(DemoUsers.Caseworker);
        var title = "Levende flytning " + Guid.NewGuid().ToString("N")[..6];
        var c = await Arrange.CaseAsync(App, Stage.Submitted, configure: x => x.Title = title);
        var cut = RenderBoard("board?q=" + Uri.EscapeDataString(title));
        cut.WaitForAssertion(() => cut.Find($"section[data-stage='Submitted'] [data-case-number='{c.CaseNumber}']"));
        var columns = cut.FindComponents<BoardColumn>().ToDictionary(k => k.Instance.Column.Stage);
        var before = columns.ToDictionary(k => k.Key, k => k.Value.RenderCount);

        // Someone else's move, heard live.
        var result = await App.AppServices.GetRequiredService<CaseWorkflowService>().FireAsync(c.CaseNumber, new ScreenData(), actor, c.Version);
        Assert.IsType<MoveResult.Moved>(result);

        cut.WaitForAssertion(() => cut.Find($"section[data-stage='Screened'] [data-case-number='{c.CaseNumber}']"));
        Assert.Empty(cut.FindAll($"section[data-stage='Submitted'] [data-case-number='{c.CaseNumber}']"));
        Assert.Equal("0", cut.Find("section[data-stage='Submitted'] [data-column-count]").GetAttribute("data-column-count"));
        Assert.Equal("1", cut.Find("section[data-stage='Screened'] [data-column-count]").GetAttribute("data-column-count"));
        var rendered = columns.Where(k => k.Value.RenderCount > before[k.Key]).Select(k => k.Key).Order().ToArray();
        Assert.Equal([Stage.Submitted, Stage.Screened], rendered);
    }

    [Fact]
    public async Task A_card_arriving_live_above_others_keeps_the_cards_below_it()
    {
        Services.AddSingleton<TimeProvider>(new StoppedClock(DateTimeOffset.UtcNow));
        var actor = await SignInAsync(DemoUsers.Caseworker);
        var title = "Nyankommet " + Guid.NewGuid().ToString("N")[..6];
        var below = await Arrange.CaseAsync(App, Stage.Screened, configure: x => x.Title = title + " nederst");
        var moved = await Arrange.CaseAsync(App, Stage.Submitted, configure: x => x.Title = title + " flyttes");
        var cut = RenderBoard("board?q=" + Uri.EscapeDataString(title));
        cut.WaitForAssertion(() => cut.Find($"section[data-stage='Screened'] [data-case-number='{below.CaseNumber}']"));
        var card = cut.FindComponents<BoardCard>().Single(k => k.Instance.Item.CaseNumber == below.CaseNumber);
        var renders = card.RenderCount;

        var result = await App.AppServices.GetRequiredService<CaseWorkflowService>().FireAsync(moved.CaseNumber, new ScreenData(), actor, moved.Version);
        Assert.IsType<MoveResult.Moved>(result);

        // The moved card is the column's newest, so it lands above; the card below is neither
        // re-created nor re-rendered (a keyboard user's focus in it stays).
        cut.WaitForAssertion(() => Assert.Equal<string>([moved.CaseNumber, below.CaseNumber],
            cut.FindAll("section[data-stage='Screened'] [data-case-number]").Select(e => e.GetAttribute("data-case-number") ?? "").ToArray()));
        Assert.Same(card.Instance, cut.FindComponents<BoardCard>().Single(k => k.Instance.Item.CaseNumber == below.CaseNumber).Instance);
        Assert.Equal(renders, card.RenderCount);
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private IRenderedComponent<BoardPage> RenderBoard(string uri = "board")
    {
        Render<MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return Render<BoardPage>();
    }

    private async Task<Dictionary<Stage, (int Count, long Sum)>> ExpectedTotalsAsync(Func<InnovationCase, bool> visible)
    {
        await using var db = await App.DbAsync();
        var cases = await db.Cases.Include(c => c.PartnerDepartments).AsNoTracking().ToListAsync();
        return cases.Where(visible).GroupBy(c => c.Stage).ToDictionary(
            g => g.Key,
            g => (g.Count(), g.Sum(c => c.Stage is Stage.Granted or Stage.Implemented or Stage.Evaluated or Stage.Stopped ? c.GrantedAmount ?? c.RequestedAmount : c.RequestedAmount)));
    }
}
