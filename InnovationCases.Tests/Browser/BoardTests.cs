using InnovationCases.Domain;
using InnovationCases.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InnovationCases.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class BoardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Dragging_a_submitted_card_to_screened_moves_it_and_its_history_names_the_user()
    {
        var (c, title) = await NewCaseAsync("Trækprojekt");
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Caseworker, BoardFor(title));
        await Expect(CardIn(page, Stage.Submitted, c.CaseNumber)).ToBeVisibleAsync();

        await Card(page, c.CaseNumber).DragToAsync(Zone(page, Stage.Screened));

        await Expect(CardIn(page, Stage.Screened, c.CaseNumber)).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Expect(CardIn(page, Stage.Screened, c.CaseNumber)).ToBeVisibleAsync();

        await Card(page, c.CaseNumber).Locator(".board-card__title").ClickAsync();
        var latest = page.Locator("[data-history] li").First;
        await Expect(latest).ToContainTextAsync("Screenet (Indsendt → Screenet)");
        await Expect(latest).ToContainTextAsync("Sara Lund");
    }

    [Fact]
    public async Task Dragging_a_submitted_card_to_granted_is_refused_with_the_reason_and_the_card_stays()
    {
        var (c, title) = await NewCaseAsync("Springprojekt");
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Caseworker, BoardFor(title));
        await Expect(CardIn(page, Stage.Submitted, c.CaseNumber)).ToBeVisibleAsync();

        await Card(page, c.CaseNumber).DragToAsync(Zone(page, Stage.Granted));

        await Expect(page.Locator("[data-board-message]")).ToContainTextAsync("Sagen kan ikke springe fra Indsendt til Bevilget");
        await Expect(CardIn(page, Stage.Submitted, c.CaseNumber)).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Expect(CardIn(page, Stage.Submitted, c.CaseNumber)).ToBeVisibleAsync();
        await Expect(CardIn(page, Stage.Granted, c.CaseNumber)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_move_on_one_board_appears_on_another_users_board_without_reload()
    {
        var (c, title) = await NewCaseAsync("Liveprojekt");
        var worker = await fixture.NewPageAsync();
        await worker.LoginAsync(DemoUsers.Caseworker, BoardFor(title));
        var manager = await fixture.NewPageAsync();
        await manager.LoginAsync(DemoUsers.Manager, BoardFor(title));
        await Expect(CardIn(manager, Stage.Submitted, c.CaseNumber)).ToBeVisibleAsync();
        await Expect(Card(manager, c.CaseNumber).GetByRole(AriaRole.Button, new() { Name = "Flyt til…" })).ToHaveCountAsync(0);

        await Card(worker, c.CaseNumber).DragToAsync(Zone(worker, Stage.Screened));
        await Expect(CardIn(worker, Stage.Screened, c.CaseNumber)).ToBeVisibleAsync();

        await Expect(CardIn(manager, Stage.Screened, c.CaseNumber)).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(CardIn(manager, Stage.Submitted, c.CaseNumber)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_move_menu_moves_a_card_with_the_keyboard_only_and_the_focus_follows_the_card()
    {
        var (c, title) = await NewCaseAsync("Tastaturprojekt");
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Caseworker, BoardFor(title));
        var menu = Card(page, c.CaseNumber).GetByRole(AriaRole.Button, new() { Name = "Flyt til…" });
        await Expect(menu).ToBeVisibleAsync();

        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var screen = page.GetByRole(AriaRole.Menuitem, new() { Name = "Screenet (Screen)" });
        await Expect(screen).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Menuitem)).ToHaveCountAsync(3);
        await Expect(screen).ToBeFocusedAsync(); // the menu focuses its first item when it opens
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Afvist (Afvis)" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(screen).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(CardIn(page, Stage.Screened, c.CaseNumber)).ToBeVisibleAsync();
        await Expect(CardIn(page, Stage.Screened, c.CaseNumber).Locator(".board-card__title")).ToBeFocusedAsync();
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Expect(CardIn(page, Stage.Screened, c.CaseNumber)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Board_and_its_side_panel_have_no_serious_accessibility_violations()
    {
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Caseworker, "/board");
        await Expect(page.Locator("[data-stage='Submitted'] [data-case-number]").First).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.Locator("[data-stage='Granted'] .board-card__title").First.ClickAsync();
        await Expect(page.Locator("[data-history] li").First).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
    }

    private async Task<(InnovationCase Case, string Title)> NewCaseAsync(string prefix)
    {
        var title = $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";
        var c = await Arrange.CaseAsync(fixture.App, Stage.Submitted, configure: x => x.Title = title);
        return (c, title);
    }

    private static string BoardFor(string title) => "/board?q=" + Uri.EscapeDataString(title);

    private static ILocator Card(IPage page, string caseNumber) => page.Locator($"[data-case-number='{caseNumber}']");

    private static ILocator CardIn(IPage page, Stage stage, string caseNumber) =>
        page.Locator($"[data-stage='{stage}'] [data-case-number='{caseNumber}']");

    private static ILocator Zone(IPage page, Stage stage) => page.Locator($"[data-stage='{stage}'] .board-column__zone");
}
