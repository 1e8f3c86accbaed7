using InnovationCases.Features.Pools;
using InnovationCases.Features.Reports;
using InnovationCases.Features.StageStats;

namespace InnovationCases.Features.Dashboard;

/// <summary>Registers the dashboard, pools and reports: called once from <c>Setup/AppServices</c>.</summary>
public static class DashboardSetup
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DashboardAggregates>();
        builder.Services.AddSingleton<DashboardLive>();
        builder.Services.AddSingleton<PoolLedgerReader>();
        builder.Services.AddSingleton<ReportService>();
        // The day rows the dashboard's flow and time in stage read: moves append, this merges.
        builder.Services.AddHostedService<StageDayFoldJob>();
        return builder;
    }
}
