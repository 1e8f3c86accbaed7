using Bunit;
using InnovationCases.Features.Cases.Intake;
using InnovationCases.Features.Drafts;
using InnovationCases.Tests.Features.Board;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace InnovationCases.Tests.Features.Cases.Intake;

/// <summary>The application form saves its draft by itself, through IntakeService, on the demo database.</summary>
public sealed class NewCaseAutosaveTests : BoardBunitContext, IClassFixture<BoardAppFixture>
{
    public NewCaseAutosaveTests(BoardAppFixture fixture) : base(fixture)
    {
        Services.AddSingleton(App.AppServices.GetRequiredService<IntakeService>());
        Services.AddSingleton(App.AppServices.GetRequiredService<InnovationCases.Features.Rounds.RoundService>());
        // A short quiet delay keeps the test fast; the test waits for the status, never for the clock.
        Services.AddSingleton<IOptions<AutosaveOptions>>(Options.Create(new AutosaveOptions { Delay = TimeSpan.FromMilliseconds(100) }));
    }

    private bool _popovers;

    private IRenderedComponent<NewCasePage> RenderPage()
    {
        if (!_popovers)
        {
            Render<MudPopoverProvider>();
            _popovers = true;
        }

        var page = Render<NewCasePage>();
        page.WaitForElement("[data-intake-form]");
        return page;
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<NewCasePage> page, string field) =>
        page.Find($"[data-field={field}]") is { TagName: "INPUT" or "TEXTAREA" } e ? e : page.Find($"[data-field={field}] input, [data-field={field}] textarea");

    [Fact]
    public async Task Typing_then_waiting_saves_the_draft_once_shows_the_time_and_the_next_visit_offers_it()
    {
        var mbu = await SignInAsync(DemoUsers.Mbu);
        var page = RenderPage();

        Input(page, "Title").Change("Autogemt legeplads");
        page.WaitForAssertion(() => Assert.Contains("Kladde gemt kl.", page.Find("[data-autosave-status]").TextContent), TimeSpan.FromSeconds(15));
        Input(page, "Title").Change("Autogemt legeplads med sensorer");
        page.WaitForAssertion(() => Assert.Equal(["Autogemt legeplads med sensorer"], DraftTitles(mbu.UserId)), TimeSpan.FromSeconds(15));

        var nextVisit = RenderPage();
        var offer = nextVisit.Find("[data-draft-offer]");
        Assert.Contains("Du har en kladde fra", offer.TextContent);
        Assert.Contains("Autogemt legeplads med sensorer", offer.TextContent);
        Assert.Contains("cases/new?draft=", offer.QuerySelector("a")!.GetAttribute("href"));
    }

    /// <summary>The user's drafts from this test: one, updated in place, not one per save.</summary>
    private List<string> DraftTitles(string userId)
    {
        using var db = App.DbAsync().GetAwaiter().GetResult();
        return db.Drafts.Where(d => d.OwnerUserId == userId && d.Title.StartsWith("Autogemt")).Select(d => d.Title).ToList();
    }
}
