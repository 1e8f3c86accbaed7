using Bunit;
using InnovationCases.Domain;
using InnovationCases.Features.Moves;
using InnovationCases.Tests.Features.Board;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace InnovationCases.Tests.Features.Moves;

public sealed class GrantDialogTests(BoardAppFixture fixture) : BoardBunitContext(fixture), IClassFixture<BoardAppFixture>
{
    [Theory]
    [InlineData(PoolKind.CrossCutting, 2_500_000L, false, true)]
    [InlineData(PoolKind.CrossCutting, 2_000_000L, false, false)]
    [InlineData(PoolKind.CrossCutting, 800_000L, true, true)]
    [InlineData(PoolKind.CrossCutting, 800_000L, false, false)]
    [InlineData(PoolKind.LocalFunds, 2_500_000L, true, false)]
    [InlineData(PoolKind.LocalFunds, 800_000L, false, false)]
    public async Task Grant_dialog_asks_for_the_council_decision_only_when_the_council_rule_applies(PoolKind pool, long recommended, bool multiYear, bool asksForCouncil)
    {
        await SignInAsync(DemoUsers.Caseworker);

        var dialog = await ShowGrantDialogAsync(pool, recommended, multiYear);

        Assert.Contains("Bevilget beløb (kr.)", dialog.Markup);
        Assert.Equal(asksForCouncil, dialog.FindAll("[data-council-rule]").Count == 1);
        Assert.Equal(asksForCouncil, dialog.Markup.Contains("Dato for byrådets beslutning", StringComparison.Ordinal));
        Assert.Equal(asksForCouncil, dialog.Markup.Contains("Byrådets sagsreference", StringComparison.Ordinal));
        Assert.Contains("Bekræft", dialog.Markup);
        Assert.Contains("Annuller", dialog.Markup);
    }

    [Fact]
    public async Task Raising_a_cross_cutting_grant_above_two_million_brings_up_the_council_fields()
    {
        await SignInAsync(DemoUsers.Caseworker);
        var dialog = await ShowGrantDialogAsync(PoolKind.CrossCutting, 1_500_000, multiYear: false);
        Assert.Empty(dialog.FindAll("[data-council-rule]"));

        dialog.Find("[data-move-dialog] input").Input("2500000");

        dialog.WaitForAssertion(() => Assert.Single(dialog.FindAll("[data-council-rule]")));
        Assert.Contains("beløbet er over 2.000.000 kr.", dialog.Find("[data-council-rule]").TextContent);
    }

    private async Task<IRenderedComponent<MudDialogProvider>> ShowGrantDialogAsync(PoolKind pool, long recommended, bool multiYear)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var request = new MoveRequest("INNO-2026-9999", "Et projekt", Trigger.Grant, 1, pool, multiYear, recommended, recommended, null);
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<MoveDialog>("Bevilg", new DialogParameters<MoveDialog> { { d => d.Request, request } }));
        provider.WaitForAssertion(() => provider.Find("[data-move-dialog]"));
        return provider;
    }
}
