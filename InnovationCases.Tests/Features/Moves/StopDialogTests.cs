using Bunit;
using InnovationCases.Domain;
using InnovationCases.Features.Moves;
using InnovationCases.Tests.Features.Board;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace InnovationCases.Tests.Features.Moves;

public sealed class StopDialogTests(BoardAppFixture fixture) : BoardBunitContext(fixture), IClassFixture<BoardAppFixture>
{
    [Fact]
    public async Task The_stop_dialog_shows_why_the_project_is_flagged()
    {
        await SignInAsync(DemoUsers.Caseworker);
        var c = await Arrange.CaseAsync(App, Stage.Granted, requested: 300_000, configure: x => x.GrantedAt = DateTime.UtcNow.AddMonths(-8));

        var dialog = await ShowStopDialogAsync(c);

        dialog.WaitForAssertion(() => Assert.Single(dialog.FindAll("[data-stop-signals] [data-signal='Silent']")));
        Assert.Contains("Ingen måling i", dialog.Find("[data-stop-signals]").TextContent);
    }

    [Fact]
    public async Task The_stop_dialog_of_a_project_on_track_shows_no_signals()
    {
        await SignInAsync(DemoUsers.Caseworker);
        var c = await Arrange.CaseAsync(App, Stage.Granted, requested: 300_000);

        var dialog = await ShowStopDialogAsync(c);

        Assert.Contains("Begrundelse", dialog.Markup);
        Assert.Empty(dialog.FindAll("[data-stop-signals]"));
    }

    private async Task<IRenderedComponent<MudDialogProvider>> ShowStopDialogAsync(InnovationCase c)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var request = MoveRequest.For(c, PoolKind.CrossCutting, Trigger.Stop);
        var runner = Services.GetRequiredService<MoveRunner>();
        await provider.InvokeAsync(() => { _ = runner.RunAsync(request); });
        provider.WaitForAssertion(() => provider.Find("[data-move-dialog]"));
        return provider;
    }
}
