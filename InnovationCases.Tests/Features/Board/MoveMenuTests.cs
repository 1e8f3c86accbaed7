using Bunit;
using InnovationCases.Domain;
using InnovationCases.Features.Board;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

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
        var popovers = Render<MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo("board?q=" + Uri.EscapeDataString(title));
        var board = Render<BoardPage>();
        board.WaitForAssertion(() => board.Find($"section[data-stage='{stage}'] [data-case-number='{c.CaseNumber}']"));

        var card = board.Find($"[data-case-number='{c.CaseNumber}']");
        var menuButton = card.QuerySelector(".board-card__menu button");
        Assert.Equal(expected.Length == 0 ? "false" : "true", card.ParentElement!.GetAttribute("draggable"));
        if (expected.Length == 0)
        {
            Assert.Null(menuButton);
            return;
        }

        Assert.NotNull(menuButton);
        Assert.Contains("Flyt til…", menuButton.TextContent);
        menuButton.Click();

        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll("[data-move-target]")));
        var targets = popovers.FindAll("[data-move-target]").Select(e => e.GetAttribute("data-move-target") ?? "").ToArray();
        Assert.Equal(expected, targets);
    }
}
