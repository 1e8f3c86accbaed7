using InnovationCases.Domain;
using InnovationCases.Features.Reports;
using InnovationCases.Tests.Features.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Reports;

public class ReportServiceTests(KnownDataSet data) : IClassFixture<KnownDataSet>
{
    private ReportService Reports => data.App.AppServices.GetRequiredService<ReportService>();

    [Fact]
    public async Task Finance_overview_lists_every_project_of_the_year_with_its_amounts()
    {
        var table = await Reports.BuildAsync(new ReportRequest(ReportKind.Finance, KnownDataSet.Year), KnownDataSet.Manager);

        Assert.Equal(Enumerable.Range(1, 7).Select(KnownDataSet.Number), table.Rows.Select(r => (string)r[0]!));
        var granted = table.Columns.ToList().FindIndex(c => c.Header == "Bevilget (kr.)");
        var consumed = table.Columns.ToList().FindIndex(c => c.Header == "Forbrug af puljen (kr.)");
        Assert.Equal(900_000, table.Total(granted)); // 300.000 + 100.000 + 500.000
        Assert.Equal(600_000, table.Total(consumed)); // 300.000 + 100.000 + the stopped project's 200.000
    }

    [Fact]
    public async Task Department_annual_report_has_the_departments_projects_with_gains_effects_and_lessons()
    {
        var table = await Reports.BuildAsync(new ReportRequest(ReportKind.Department, KnownDataSet.Year, data.DepartmentA), KnownDataSet.Manager);

        Assert.Equal([1, 2, 4, 5], table.Rows.Select(r => int.Parse(((string)r[0]!)[^4..])));
        Assert.Contains("Afdeling A", table.Title);
        var evaluated = table.Rows.Single(r => (string)r[0]! == KnownDataSet.Number(5));
        var col = (string header) => table.Columns.ToList().FindIndex(c => c.Header == header);
        Assert.Equal(50_000L, evaluated[col("Forventet årlig gevinst (kr.)")]);
        Assert.Equal(40_000L, evaluated[col("Realiseret årlig gevinst (kr.)")]);
        Assert.StartsWith("Færre timer", (string)evaluated[col("Effekter")]!);
        Assert.Equal("=Inddrag medarbejderne; tidligt", evaluated[col("Erfaringer")]);
    }

    [Fact]
    public async Task Committee_overview_filters_by_theme_and_department()
    {
        var table = await Reports.BuildAsync(new ReportRequest(ReportKind.Committee, KnownDataSet.Year, data.DepartmentB, Theme.Digitalisation), KnownDataSet.Manager);

        Assert.Equal([KnownDataSet.Number(7)], table.Rows.Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task Department_staff_only_ever_get_their_own_departments_cases()
    {
        var table = await Reports.BuildAsync(new ReportRequest(ReportKind.Finance, KnownDataSet.Year), data.StaffOfB);

        Assert.Equal([3, 6, 7], table.Rows.Select(r => int.Parse(((string)r[0]!)[^4..])));
    }
}
