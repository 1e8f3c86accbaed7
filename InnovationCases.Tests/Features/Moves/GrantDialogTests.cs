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

    [Fact]
    public async Task Confirming_a_multi_year_cross_cutting_grant_without_the_council_decision_is_refused_next_to_the_fields()
    {
        await SignInAsync(DemoUsers.Caseworker);
        var c = await Arrange.CaseAsync(App, Stage.Recommended, requested: 300_000, multiYear: true, qualifyingAssessment: true);
        var dialog = await ShowGrantDialogAsync(PoolKind.CrossCutting, 300_000, multiYear: true, c.CaseNumber, c.Version);

        dialog.FindAll("button").Single(b => b.TextContent.Contains("Bekræft", StringComparison.Ordinal)).Click();

        dialog.WaitForAssertion(() => Assert.Contains("Angiv datoen for byrådets beslutning: projektet er flerårigt.", dialog.Markup));
        Assert.Contains("Angiv byrådets sagsreference: projektet er flerårigt.", dialog.Markup);
        Assert.Single(dialog.FindAll("[data-move-dialog]"));
        await using var db = await App.DbAsync();
        Assert.Equal(Stage.Recommended, (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Cases, x => x.Id == c.Id)).Stage);
    }

    private async Task<IRenderedComponent<MudDialogProvider>> ShowGrantDialogAsync(PoolKind pool, long recommended, bool multiYear, string caseNumber = "INNO-2026-9999", int version = 1)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var request = new MoveRequest(caseNumber, "Et projekt", Trigger.Grant, version, pool, multiYear, recommended, recommended, null);
        // The real path: the runner opens the dialog and fires what it confirms (it completes when the dialog closes).
        var runner = Services.GetRequiredService<MoveRunner>();
        await provider.InvokeAsync(() => { _ = runner.RunAsync(request); });
        provider.WaitForAssertion(() => provider.Find("[data-move-dialog]"));
        return provider;
    }
}
