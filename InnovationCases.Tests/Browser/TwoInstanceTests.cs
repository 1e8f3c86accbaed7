using InnovationCases.Data.Postgres;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Moves;
using InnovationCases.Tests.Features.Notifications;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InnovationCases.Tests.Browser;

/// <summary>Two instances behind one proxy: live boards across them, one sign-in for both.</summary>
public sealed class TwoInstanceTests(TwoInstanceFixture fixture) : IClassFixture<TwoInstanceFixture>
{
    [Fact]
    public async Task A_move_on_instance_A_shows_on_a_board_open_on_instance_B()
    {
        var c = await NewCaseAsync("Tværinstans");
        var page = await fixture.NewPageAsync(fixture.B);
        await page.LoginAsync(DemoUsers.Manager, BoardFor(c));
        await Expect(CardIn(page, Stage.Submitted, c.CaseNumber)).ToBeVisibleAsync();

        await ScreenOnAAsync(c);

        await Expect(CardIn(page, Stage.Screened, c.CaseNumber)).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(CardIn(page, Stage.Submitted, c.CaseNumber)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_sign_in_on_instance_A_is_valid_on_instance_B()
    {
        var page = await fixture.NewPageAsync(fixture.A);
        await page.LoginAsync(DemoUsers.Caseworker, "/board");

        // Cookies do not depend on the port: the browser sends A's cookie to B, which must read it with the shared keys.
        await page.GotoInteractiveAsync(new Uri(fixture.B.ClientOptions.BaseAddress, "/board").ToString());

        Assert.DoesNotContain("/login", page.Url);
        await Expect(page.Locator("[data-stage='Submitted'] [data-case-number]").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_listener_that_loses_its_connection_reconnects_and_the_board_on_B_gets_the_next_move()
    {
        var c = await NewCaseAsync("Genforbindelse");
        var page = await fixture.NewPageAsync(fixture.B);
        await page.LoginAsync(DemoUsers.Manager, BoardFor(c));
        await Expect(CardIn(page, Stage.Submitted, c.CaseNumber)).ToBeVisibleAsync();
        var listener = fixture.B.AppServices.GetRequiredService<PostgresChangeListener>();
        var connections = listener.Connections;

        PostgresServer.Shared.Execute($"SELECT pg_terminate_backend({listener.ProcessId})");
        await Eventually.WaitAsync(() => listener.Connections > connections, "B's listener to reconnect");
        await ScreenOnAAsync(c);

        await Expect(CardIn(page, Stage.Screened, c.CaseNumber)).ToBeVisibleAsync(new() { Timeout = 5_000 });
    }

    private async Task<InnovationCase> NewCaseAsync(string prefix)
    {
        var title = $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";
        return await Arrange.CaseAsync(fixture.A, Stage.Submitted, configure: x => x.Title = title);
    }

    private async Task ScreenOnAAsync(InnovationCase c)
    {
        var caseworker = await fixture.A.ActorAsync(DemoUsers.Caseworker);
        var result = await fixture.A.AppServices.GetRequiredService<CaseWorkflowService>().FireAsync(c.CaseNumber, new ScreenData(), caseworker, c.Version);
        Assert.IsType<MoveResult.Moved>(result);
    }

    private static string BoardFor(InnovationCase c) => "/board?q=" + Uri.EscapeDataString(c.Title);

    private static ILocator CardIn(IPage page, Stage stage, string caseNumber) =>
        page.Locator($"[data-stage='{stage}'] [data-case-number='{caseNumber}']");
}
