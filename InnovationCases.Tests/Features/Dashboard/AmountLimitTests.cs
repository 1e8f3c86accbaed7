using InnovationCases.Domain;
using InnovationCases.Features.Dashboard;
using InnovationCases.Features.Pools;
using InnovationCases.Features.Reports;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Dashboard;

/// <summary>
/// The largest amount the domain allows, in every amount column of every case of the demo data:
/// every aggregate (dashboard, pools, reports) still adds up, because the limit keeps even the sum of
/// all cases far inside a 64-bit integer. (Before the limit, one evaluation with 2^63−1 took the
/// dashboard down with "integer overflow" for everyone.)
/// </summary>
public sealed class AmountLimitTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private int _cases;

    public async Task InitializeAsync()
    {
        await using var db = await _app.DbAsync();
        const long max = Limits.AmountMax;
        _cases = await db.Cases.CountAsync();
        // Quoted names: the same text on SQLite and PostgreSQL (the provider matrix runs this class on both).
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Cases\" SET \"RequestedAmount\" = {0}, \"InternalCoFinancing\" = {0}, \"ExternalCoFinancing\" = {0}, \"ExpectedAnnualGain\" = {0}, " +
            "\"RecommendedAmount\" = CASE WHEN \"RecommendedAmount\" IS NULL THEN NULL ELSE {0} END, " +
            "\"GrantedAmount\" = CASE WHEN \"GrantedAmount\" IS NULL THEN NULL ELSE {0} END, " +
            "\"ActualSpend\" = CASE WHEN \"ActualSpend\" IS NULL THEN NULL ELSE {0} END", max);
        await db.Database.ExecuteSqlRawAsync("UPDATE \"EffectReports\" SET \"RealisedAnnualGain\" = {0}", max);
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Pools\" SET \"Budget\" = {0}", max);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_aggregate_adds_up_with_the_largest_allowed_amount_in_every_row()
    {
        var manager = await _app.ActorAsync(DemoUsers.Manager);
        await using var db = await _app.DbAsync();
        var year = await db.BudgetYears.MaxAsync(y => y.Year);
        var granted = await db.Cases.CountAsync(c => c.GrantedAmount != null);
        var inYear = await db.Cases.AsNoTracking().Where(c => c.Pool!.Year == year).ToListAsync();

        var dashboard = await _app.AppServices.GetRequiredService<DashboardAggregates>().ComputeAsync(manager, year, DateTime.UtcNow);
        var pools = await _app.AppServices.GetRequiredService<PoolLedgerReader>().LinesAsync(manager, year);
        var reports = _app.AppServices.GetRequiredService<ReportService>();
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            var department = kind == ReportKind.Department ? (int?)(await db.Departments.FirstAsync()).Id : null;
            Assert.NotNull(await reports.BuildAsync(new ReportRequest(kind, year, department), manager));
        }

        Assert.True(_cases > 30, "the demo data is a realistic set of cases");
        Assert.True(granted > 5);
        Assert.All(pools, p => Assert.InRange(p.Granted, 0, (long)_cases * Limits.AmountMax));
        Assert.Equal(inYear.Sum(c => c.ConsumedAmount), pools.Sum(p => p.Granted));
        Assert.Equal(inYear.Count(c => c.ConsumedAmount > 0) * Limits.AmountMax, pools.Sum(p => p.Granted));
        Assert.True(dashboard.Pools.Sum(p => p.Granted) > 0);
    }

    [Fact]
    public void The_limit_leaves_room_for_a_million_cases_in_one_sum()
    {
        Assert.True(Limits.AmountMax <= long.MaxValue / 1_000_000);
    }
}
