using InnovationCases.Domain;
using InnovationCases.Domain.Delivery;
using InnovationCases.Tests.Support;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DeliveryBrowserTests(BrowserFixture fixture)
{
    /// <summary>A granted MBU project, silent since its grant eight months ago, with one indicator and no measurement.</summary>
    private async Task<(InnovationCase Case, int IndicatorId)> SilentProjectAsync()
    {
        var c = await Arrange.CaseAsync(fixture.App, Stage.Granted, leadCode: "MBU", configure: x =>
        {
            // Granted long ago, moved last now: the card stays on the Granted column's first page.
            x.GrantedAt = DateTime.UtcNow.AddMonths(-8);
            x.PeriodStart = DanishTime.Today(DateTime.UtcNow).AddMonths(-9);
            x.PeriodEnd = DanishTime.Today(DateTime.UtcNow).AddMonths(6);
        });
        await using var db = await fixture.App.DbAsync();
        var indicator = new Indicator
        {
            CaseId = c.Id, Name = "Ventetid på hjælpemidler", Unit = "dage", Direction = IndicatorDirection.LowerIsBetter,
            Baseline = 40, Target = 20, TargetDate = c.PeriodEnd, CreatedAt = DateTime.UtcNow,
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        return (c, indicator.Id);
    }

    [Fact]
    public async Task The_lead_department_adds_a_measurement_and_the_caseworkers_open_board_and_dashboard_drop_the_flag()
    {
        var (c, _) = await SilentProjectAsync();
        var board = await fixture.NewPageAsync();
        await board.LoginAsync(DemoUsers.Caseworker, "/board");
        var card = board.Locator($".board-card[data-case-number='{c.CaseNumber}']");
        await Assertions.Expect(card).ToHaveAttributeAsync("data-flag", "consider-stop");
        var dashboard = await fixture.NewPageAsync();
        await dashboard.LoginAsync(DemoUsers.Caseworker, "/dashboard");
        var flagged = dashboard.Locator($"[data-consider-stop] [data-delivery-row='{c.CaseNumber}']");
        await Assertions.Expect(flagged).ToHaveCountAsync(1);

        var mbu = await fixture.NewPageAsync();
        await mbu.LoginAsync(DemoUsers.Mbu, $"/cases/{c.CaseNumber}");
        await Assertions.Expect(mbu.Locator("[data-delivery] [data-signal='Silent']")).ToHaveCountAsync(1);
        var value = mbu.Locator("[data-measurement-form] .mud-input-control", new() { HasText = "Værdi" }).Locator("input");
        await value.FillAsync("34");
        await value.PressAsync("Tab");
        await mbu.Locator("[data-action='add-measurement']").ClickAsync();

        await Assertions.Expect(mbu.Locator("[data-way]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("30 % af vejen til målet"));
        await Assertions.Expect(card).Not.ToHaveAttributeAsync("data-flag", "consider-stop");
        await Assertions.Expect(flagged).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_case_page_with_indicator_charts_has_no_serious_accessibility_violations()
    {
        var (c, indicatorId) = await SilentProjectAsync();
        await using (var db = await fixture.App.DbAsync())
        {
            var today = DanishTime.Today(DateTime.UtcNow);
            foreach (var (months, value) in new[] { (-6, 38m), (-4, 33m), (-2, 29m) })
            {
                db.Measurements.Add(new Measurement { IndicatorId = indicatorId, Date = today.AddMonths(months), Value = value, ByUserId = "x", ByName = "X", CreatedAt = DateTime.UtcNow });
            }

            await db.SaveChangesAsync();
        }

        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Mbu, $"/cases/{c.CaseNumber}");
        await Assertions.Expect(page.Locator($"[data-chart='indicator-{indicatorId}'] svg").First).ToBeVisibleAsync();

        await page.AssertNoSeriousAxeViolationsAsync();
    }
}
