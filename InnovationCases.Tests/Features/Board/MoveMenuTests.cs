using Bunit;
using InnovationCases.Domain;
using InnovationCases.Features.Board;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Board;

public sealed class MoveMenuTests(BoardAppFixture fixture) : BoardBunitContext(fixture), IClassFixture<BoardAppFixture>
{
    public static TheoryData<string, Stage, bool, string[]> Cases => new()
    {
        // DESIGN.md's table: who may fire what, from where.
        { DemoUsers.Caseworker, Stage.Submitted, false, ["Screened", "Rejected", "Withdrawn"] },
        { DemoUsers.Caseworker, Stage.Granted, false, ["Implemented", "Stopped"] },
        { DemoUsers.Director, Stage.Submitted, false, [] },
        { DemoUsers.Director, Stage.Screened, false, ["Recommended", "Rejected"] },
        { DemoUsers.Mbu, Stage.Submitted, false, ["Withdrawn"] },
        { DemoUsers.Mbu, Stage.Submitted, true, ["Screened", "Rejected", "Withdrawn"] },
        { DemoUsers.Mbu, Stage.Granted, false, ["Implemented"] },
        { DemoUsers.Manager, Stage.Submitted, false, [] },
        { DemoUsers.Manager, Stage.Granted, false, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Move_menu_lists_exactly_the_moves_the_users_role_permits(string user, Stage stage, bool localFunds, string[] expected)
    {
        await SignInAsync(user);
        var title = "Menusag " + Guid.NewGuid().ToString("N")[..6];
        var c = await Arrange.CaseAsync(App, stage, leadCode: "MBU", localFunds: localFunds, qualifyingAssessment: true, configure: x => x.Title = title);
        Services.GetRequiredService<NavigationManager>().NavigateTo("board?q=" + Uri.EscapeDataString(title));
        var board = Render<BoardPage>();
        board.WaitForAssertion(() => board.Find($"section[data-stage='{stage}'] [data-case-number='{c.CaseNumber}']"));

        var card = board.Find($"[data-case-number='{c.CaseNumber}']");
        var menuButton = card.QuerySelector("button[data-move-menu]");
        Assert.Equal(expected.Length == 0 ? "false" : "true", card.GetAttribute("draggable"));
        if (expected.Length == 0)
        {
            Assert.Null(menuButton);
            return;
        }

        Assert.NotNull(menuButton);
        Assert.Contains("Flyt til…", menuButton.TextContent);
        menuButton.Click();

        board.WaitForAssertion(() => Assert.NotEmpty(board.FindAll("[role='menu'] [data-move-target]")));
        var targets = board.FindAll("[role='menu'] [data-move-target]").Select(e => e.GetAttribute("data-move-target") ?? "").ToArray();
        Assert.Equal(expected, targets);
        Assert.Equal("true", board.Find("button[data-move-menu]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task The_board_has_one_move_menu_opened_for_one_card_and_escape_closes_it()
    {
        await SignInAsync(DemoUsers.Caseworker);
        var title = "Menuluk " + Guid.NewGuid().ToString("N")[..6];
        var first = await Arrange.CaseAsync(App, Stage.Submitted, configure: x => x.Title = title + " 1");
        var second = await Arrange.CaseAsync(App, Stage.Submitted, configure: x => x.Title = title + " 2");
        Services.GetRequiredService<NavigationManager>().NavigateTo("board?q=" + Uri.EscapeDataString(title));
        var board = Render<BoardPage>();
        board.WaitForAssertion(() => Assert.Equal(2, board.FindAll("button[data-move-menu]").Count));
        Assert.Empty(board.FindAll("[role='menu']"));

        board.Find($"button[data-move-menu='{first.CaseNumber}']").Click();
        board.Find($"button[data-move-menu='{second.CaseNumber}']").Click();

        var menu = board.Find("[role='menu']");
        Assert.Equal(second.CaseNumber, menu.GetAttribute("data-move-menu-for"));
        Assert.Single(board.FindAll("[role='menu']"));
        Assert.Equal("false", board.Find($"button[data-move-menu='{first.CaseNumber}']").GetAttribute("aria-expanded"));
        menu.KeyDown(new KeyboardEventArgs { Key = "Escape" });
        board.WaitForAssertion(() => Assert.Empty(board.FindAll("[role='menu']")));
        Assert.Equal("false", board.Find($"button[data-move-menu='{second.CaseNumber}']").GetAttribute("aria-expanded"));
    }
}
