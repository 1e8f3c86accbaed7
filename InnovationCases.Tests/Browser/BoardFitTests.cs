using InnovationCases.Domain;
using InnovationCases.Features.Board;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InnovationCases.Tests.Browser;

/// <summary>
/// Issue 10: at 1280×720 a long drag used to scroll the page between the press and the start of
/// the drag, and Chromium then dragged whichever card was under the pointer. The board now fits the
/// window and each column scrolls on its own; these tests drag cards that need their column
/// scrolled and check in the database that exactly the dragged case changed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardFitTests(BrowserFixture fixture)
{
    private enum Outcome { Moves, Dialog }

    // Each open column with a next column for the caseworker, and what a drop there gives. Evaluated
    // has none: its cards are not draggable at all.
    private static readonly (Stage From, Stage To, Outcome Outcome)[] Drags =
    [
        (Stage.Submitted, Stage.Screened, Outcome.Moves),
        (Stage.Screened, Stage.Recommended, Outcome.Dialog),
        (Stage.Recommended, Stage.Granted, Outcome.Dialog),
        (Stage.Granted, Stage.Implemented, Outcome.Dialog),
        (Stage.Implemented, Stage.Evaluated, Outcome.Dialog),
    ];

    [Fact]
    public async Task Dragging_the_first_a_middle_and_the_last_card_of_every_open_column_changes_exactly_the_dragged_case()
    {
        var prefix = await ArrangeBoardAsync();
        var page = await OpenBoardAsync(prefix);

        foreach (var (from, to, outcome) in Drags)
        {
            foreach (var stepped in new[] { false, true })
            {
                foreach (var position in new[] { Position.First, Position.Middle, Position.Last })
                {
                    await DragAndCheckAsync(page, from, to, outcome, position, stepped);
                }
            }
        }
    }

    [Fact]
    public async Task A_drag_near_the_bottom_of_a_long_column_scrolls_that_column_and_not_the_page()
    {
        var prefix = await ArrangeBoardAsync();
        var page = await OpenBoardAsync(prefix);
        var list = page.Locator("[data-stage='Submitted'] .board-column__scroll");
        Assert.Equal(0, await list.EvaluateAsync<double>("e => e.scrollTop"));
        var before = await StagesAsync();

        var card = page.Locator("[data-stage='Submitted'] [data-case-number]").First;
        var from = await BoxAsync(card);
        var area = await BoxAsync(list);
        await page.Mouse.MoveAsync(from.X + 20, from.Y + 10);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(area.X + area.Width / 2, area.Y + area.Height - 8, new() { Steps = 12 });

        await page.WaitForFunctionAsync("() => document.querySelector(\"[data-stage='Submitted'] .board-column__scroll\").scrollTop > 100");
        await page.Mouse.UpAsync();
        await AssertPageDoesNotScrollAsync(page);
        await WaitForNoDragAsync(page);
        Assert.Equal(before, await StagesAsync()); // dropped in its own column: nothing moved
    }

    [Fact]
    public async Task A_window_tall_enough_to_show_a_columns_end_loads_its_next_page_without_scrolling()
    {
        var prefix = await ArrangeBoardAsync();
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 2600);
        await page.LoginAsync(DemoUsers.Caseworker, "/board?q=" + Uri.EscapeDataString(prefix));

        // 22 submitted and 5 in each other open stage: a first page of 4 leaves every list room, so
        // each loads its next page (20) and shows all its cases, with no "Vis flere" left.
        Assert.True(new BoardOptions().FirstPage < 5, "the first page must be shorter than a column here");
        await Expect(page.Locator("[data-stage='Submitted'] [data-case-number]")).ToHaveCountAsync(22);
        foreach (var stage in StageExtensions.Open.Where(s => s != Stage.Submitted))
        {
            await Expect(page.Locator($"[data-stage='{stage}'] [data-case-number]")).ToHaveCountAsync(5);
        }

        await Expect(page.Locator(".board__columns > .board-column .board-column__more")).ToHaveCountAsync(0);
        await AssertPageDoesNotScrollAsync(page);
    }

    [Fact]
    public async Task A_column_scrolled_to_its_end_loads_its_next_page_and_columns_that_overflow_keep_their_first()
    {
        var prefix = await ArrangeBoardAsync();
        var page = await OpenBoardAsync(prefix);

        // The script presses "Vis flere" when the list reaches its end: the 18 others arrive.
        // A press while the board is busy is ignored, so the poll scrolls to the end and back until they are there.
        await Expect(page.Locator("[data-stage='Submitted'] [data-case-number]")).ToHaveCountAsync(new BoardOptions().FirstPage);
        await page.WaitForFunctionAsync(
            """
            () => {
              const list = document.querySelector("[data-stage='Submitted'] .board-column__scroll");
              if (list.querySelectorAll('[data-case-number]').length === 22) return true;
              list.scrollTop = list.scrollTop + list.clientHeight >= list.scrollHeight - 1 ? 0 : list.scrollHeight;
              return false;
            }
            """, null, new() { PollingInterval = 500 });

        // The script was attached before that, and at 720 px every first page overflows its list:
        // no other column loaded more than it shows.
        foreach (var stage in StageExtensions.Open.Where(s => s != Stage.Submitted))
        {
            Assert.Equal(new BoardOptions().FirstPage, await page.Locator($"[data-stage='{stage}'] [data-case-number]").CountAsync());
        }
    }

    private enum Position { First, Middle, Last }

    private async Task DragAndCheckAsync(IPage page, Stage from, Stage to, Outcome outcome, Position position, bool stepped)
    {
        var cards = page.Locator($"[data-stage='{from}'] [data-case-number]");
        var count = await cards.CountAsync();
        var index = position switch { Position.First => 0, Position.Middle => count / 2, _ => count - 1 };
        var card = cards.Nth(index);
        var number = (await card.GetAttributeAsync("data-case-number"))!;
        var title = await card.Locator(".board-card__title").InnerTextAsync();
        var what = $"{(stepped ? "mouse" : "DragTo")} drag of the {position} card ({number}, {index + 1} of {count}) from {from} to {to}";
        var before = await StagesAsync();

        if (stepped)
        {
            await MouseDragAsync(page, card, to);
        }
        else
        {
            await card.DragToAsync(page.Locator($"[data-stage='{to}'] .board-column__zone"));
        }

        if (outcome == Outcome.Moves)
        {
            await Expect(page.Locator($"[data-stage='{to}'] [data-case-number='{number}']")).ToBeVisibleAsync();
            await DismissSnackbarAsync(page, number);
        }
        else
        {
            var dialog = page.Locator("[data-move-dialog]");
            await Expect(dialog).ToContainTextAsync(title); // the dialog is for the dragged case
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Annuller" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
        }

        var after = await StagesAsync();
        var changed = before.Keys.Where(k => before[k] != after[k]).ToList();
        if (outcome == Outcome.Moves)
        {
            Assert.True(changed.SequenceEqual([number]), $"{what}: changed {string.Join(", ", changed)}");
            Assert.Equal((to, before[number].Version + 1), after[number]);
        }
        else
        {
            Assert.True(changed.Count == 0, $"{what}: changed {string.Join(", ", changed)}");
            await Expect(page.Locator($"[data-stage='{from}'] [data-case-number='{number}']")).ToHaveCountAsync(1);
        }

        await AssertPageDoesNotScrollAsync(page);
    }

    // A person's drag: press on the card's number, move in steps to the middle of the target
    // column's list, release. Hover first: it scrolls the card into view in its column and waits
    // until nothing (a snackbar) covers the point, so the press lands on this card.
    private static async Task MouseDragAsync(IPage page, ILocator card, Stage to)
    {
        await card.Locator(".board-card__number").HoverAsync();
        var target = await BoxAsync(page.Locator($"[data-stage='{to}'] .board-column__scroll"));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X + target.Width / 2, target.Y + target.Height / 2, new() { Steps = 10 });
        await page.Mouse.UpAsync();
    }

    // The "moved" snackbar sits over the first column's lower cards; close it instead of waiting.
    private static async Task DismissSnackbarAsync(IPage page, string number)
    {
        var snackbar = page.Locator(".mud-snackbar").Filter(new() { HasText = number });
        await snackbar.Locator("button").ClickAsync();
        await Expect(snackbar).ToHaveCountAsync(0);
    }

    private static async Task AssertPageDoesNotScrollAsync(IPage page)
    {
        var sizes = await page.EvaluateAsync<double[]>(
            "() => [document.scrollingElement.scrollTop, document.scrollingElement.scrollHeight, window.innerHeight]");
        var (top, height, viewport) = (sizes[0], sizes[1], sizes[2]);
        Assert.Equal(0, top);
        Assert.True(height <= viewport + 2, $"The page is {height} px tall in a {viewport} px window");
    }

    private static Task WaitForNoDragAsync(IPage page) =>
        Expect(page.Locator(".board-column--allowed, .board-column--blocked")).ToHaveCountAsync(0);

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("Not rendered: " + locator);

    private async Task<IPage> OpenBoardAsync(string prefix)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 720);
        await page.LoginAsync(DemoUsers.Caseworker, "/board?q=" + Uri.EscapeDataString(prefix));
        await Expect(page.Locator("[data-stage='Submitted'] [data-case-number]")).ToHaveCountAsync(new BoardOptions().FirstPage);
        await AssertPageDoesNotScrollAsync(page);
        return page;
    }

    // More submitted cases than a page (20) and five in each other open stage: every column's last
    // card is below the fold at 720 px (every column opens with its first page of 4, which overflows its list there).
    private async Task<string> ArrangeBoardAsync()
    {
        var prefix = "Pladsprojekt " + Guid.NewGuid().ToString("N")[..8];
        var n = 0;
        foreach (var stage in StageExtensions.Open)
        {
            for (var i = 0; i < (stage == Stage.Submitted ? 22 : 5); i++)
            {
                var title = $"{prefix} {++n:00}";
                // Every case has a qualifying assessment: the submitted ones moved to Screened are
                // dragged on to Recommended later, and that move needs one.
                await Arrange.CaseAsync(fixture.App, stage, qualifyingAssessment: true, configure: c => c.Title = title);
            }
        }

        return prefix;
    }

    private async Task<Dictionary<string, (Stage Stage, int Version)>> StagesAsync()
    {
        await using var db = await fixture.App.DbAsync();
        return await db.Cases.AsNoTracking().ToDictionaryAsync(c => c.CaseNumber, c => (c.Stage, c.Version));
    }
}
