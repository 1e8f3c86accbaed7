using InnovationCases.Features.Pools;
using InnovationCases.Features.Reports;

namespace InnovationCases.Features.Dashboard;

/// <summary>Registers the dashboard, pools and reports: called once from <c>Setup/AppServices</c>.</summary>
public static class DashboardSetup
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<StageLimitOptions>(builder.Configuration.GetSection(StageLimitOptions.Section));
        builder.Services.AddSingleton<DashboardAggregates>();
        builder.Services.AddSingleton<DashboardLive>();
        builder.Services.AddSingleton<PoolLedgerReader>();
        builder.Services.AddSingleton<ReportService>();
        return builder;
    }
}
