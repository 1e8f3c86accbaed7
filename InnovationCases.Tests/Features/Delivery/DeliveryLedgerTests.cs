using InnovationCases.Domain;
using InnovationCases.Domain.Delivery;
using InnovationCases.Features.Board;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Delivery;
using InnovationCases.Features.Pools;
using InnovationCases.Features.Reports;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Delivery;

/// <summary>Payments, milestones and measurements as the pools, reports, board and dashboard read them.</summary>
public sealed class DeliveryLedgerTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private T Get<T>() where T : notnull => App.AppServices.GetRequiredService<T>();
    private static DateTime Today => DanishTime.Today(DateTime.UtcNow).ToDateTime(TimeOnly.MinValue);

    [Fact]
    public async Task Pools_and_the_finance_report_show_granted_paid_and_left()
    {
        var c = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MKB", requested: 400_000);
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        Assert.IsType<CaseCommandResult.Done>(await Get<DeliveryService>().AddPaymentAsync(c.CaseNumber, new PaymentInput { Date = Today, Amount = 150_000 }, caseworker));

        var entry = (await Get<PoolLedgerReader>().EntriesAsync(caseworker, c.BudgetYear)).Single(e => e.CaseNumber == c.CaseNumber);
        Assert.Equal((400_000L, 150_000L), (entry.Granted, entry.Paid));
        var line = (await Get<PoolLedgerReader>().LinesAsync(caseworker, c.BudgetYear)).Single(l => l.PoolId == c.PoolId);
        Assert.True(line.Paid >= 150_000);

        var table = await Get<ReportService>().BuildAsync(new ReportRequest(ReportKind.Finance, c.BudgetYear), caseworker);
        var row = table.Rows.Single(r => (string)r[0]! == c.CaseNumber);
        var col = (string header) => table.Columns.ToList().FindIndex(x => x.Header.StartsWith(header, StringComparison.Ordinal));
        Assert.Equal(150_000L, row[col("Udbetalt")]);
        Assert.Equal(250_000L, row[col("Tilbage af bevillingen")]);
    }

    [Fact]
    public async Task The_board_card_reads_progress_and_the_signals_figures_in_its_own_query()
    {
        var c = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MKB", requested: 100_000,
            configure: x => x.StageChangedAt = DateTime.UtcNow.AddMonths(-8));
        await using (var db = await App.DbAsync())
        {
            db.Milestones.Add(new Milestone { CaseId = c.Id, Name = "Pilot", DueDate = DanishTime.Today(DateTime.UtcNow).AddDays(-90), Weight = 1 });
            db.Milestones.Add(new Milestone { CaseId = c.Id, Name = "Plan", DueDate = DanishTime.Today(DateTime.UtcNow).AddDays(-200), Weight = 3, DoneDate = DanishTime.Today(DateTime.UtcNow).AddDays(-200) });
            db.Payments.Add(new Payment { CaseId = c.Id, Date = DanishTime.Today(DateTime.UtcNow), Amount = 100_000, ByUserId = "x", ByName = "X" });
            await db.SaveChangesAsync();
        }

        var item = (await Get<BoardService>().LoadItemAsync(c.Id))!;

        Assert.Equal(75, item.Delivery!.Progress);
        Assert.Equal(100_000, item.Paid);
        var kinds = DeliverySignals.For(item.Delivery, DanishTime.Today(DateTime.UtcNow), new DeliveryOptions()).Select(s => s.Kind);
        Assert.Equal([StopSignalKind.MilestoneOverdue, StopSignalKind.Silent], kinds);
    }

    [Fact]
    public async Task The_dashboard_overview_lists_flagged_projects_with_their_reasons()
    {
        var c = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MKB", configure: x => x.StageChangedAt = DateTime.UtcNow.AddMonths(-9));

        var overview = await Get<DeliveryOverviewReader>().GetAsync(await App.ActorAsync(DemoUsers.Manager));

        var row = overview.ConsiderStop.Single(r => r.CaseNumber == c.CaseNumber);
        Assert.Contains(row.Signals, s => s.Kind == StopSignalKind.Silent);
    }
}
