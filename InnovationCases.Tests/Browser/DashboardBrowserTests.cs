using System.Globalization;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Moves;
using InnovationCases.Domain;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Live;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_move_elsewhere_updates_the_open_dashboards_stage_counts_and_activity_feed_without_reload()
    {
        // A case submitted elsewhere: the intake publishes its creation, as every write does.
        var c = await Arrange.CaseAsync(fixture.App, Stage.Submitted);
        fixture.App.AppServices.GetRequiredService<CaseChangeNotifier>().Publish(new CaseChange(
            c.Id, c.CaseNumber, CaseEventKind.Created, null, Stage.Submitted, c.Version, "Test", c.SubmittedAt, new CaseParties(c.LeadDepartmentId, [])));
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Manager, "/dashboard");
        // The figures read below include the new case once the feed shows it.
        await Assertions.Expect(page.GetByTestId("activity-feed").Locator($"li[data-case-number='{c.CaseNumber}']")).ToHaveCountAsync(1);
        var submitted = page.Locator("[data-stage-count='Submitted']");
        var screened = page.Locator("[data-stage-count='Screened']");
        await Assertions.Expect(submitted).ToBeVisibleAsync();
        var submittedBefore = int.Parse(await submitted.InnerTextAsync(), CultureInfo.InvariantCulture);
        var screenedBefore = int.Parse(await screened.InnerTextAsync(), CultureInfo.InvariantCulture);
        var feed = page.GetByTestId("activity-feed");
        var moveInFeed = feed.Locator($"li[data-case-number='{c.CaseNumber}']", new() { HasTextString = "Screenet (Indsendt → Screenet)" });
        await Assertions.Expect(moveInFeed).ToHaveCountAsync(0);
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) { navigations++; } };

        var workflow = fixture.App.AppServices.GetRequiredService<CaseWorkflowService>();
        var caseworker = await fixture.App.ActorAsync(DemoUsers.Caseworker);
        var result = await workflow.FireAsync(c.CaseNumber, new ScreenData(), caseworker, c.Version);
        Assert.IsType<MoveResult.Moved>(result);

        await Assertions.Expect(submitted).ToHaveTextAsync((submittedBefore - 1).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(screened).ToHaveTextAsync((screenedBefore + 1).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(moveInFeed).ToHaveCountAsync(1);
        await Assertions.Expect(feed.Locator("li").First).ToHaveAttributeAsync("data-case-number", c.CaseNumber);
        Assert.Equal(0, navigations);
    }

    [Theory]
    [InlineData("/dashboard", "Overblik", "[data-chart='flow']")]
    [InlineData("/pools", "Puljer", "[data-pool-id]")]
    [InlineData("/reports", "Rapporter", "[data-testid='report'] tbody tr")]
    public async Task Insight_pages_have_no_serious_accessibility_violations(string path, string heading, string content)
    {
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Manager, path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Assertions.Expect(page.Locator(content).First).ToBeVisibleAsync();

        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task Reports_page_offers_csv_and_xlsx_downloads_that_the_manager_can_fetch()
    {
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Manager, "/reports");
        var csvLink = page.Locator("[data-export='csv']");
        await Assertions.Expect(csvLink).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"reports/finance\.csv\?year=\d{4}"));

        var href = await csvLink.GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        var body = await response.BodyAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], body.Take(3));
        Assert.StartsWith("Sagsnr.;Titel;Afdeling", System.Text.Encoding.UTF8.GetString(body, 3, body.Length - 3));
    }

    [Fact]
    public async Task Department_staff_can_neither_open_the_dashboard_nor_download_reports()
    {
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Mbu, "/");

        var export = await page.APIRequest.GetAsync("/reports/finance.csv?year=2026", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, export.Status);
        Assert.Contains("access-denied", export.Headers.GetValueOrDefault("location") ?? "");

        await page.GotoInteractiveAsync("/dashboard");
        await Assertions.Expect(page.Locator("[data-stage-count]")).ToHaveCountAsync(0);
    }
}
