using InnovationCases.Domain;

namespace InnovationCases.Features.Reports;

/// <summary>Which report, for which year, and its filters (department and theme where the report takes them).</summary>
public sealed record ReportRequest(ReportKind Kind, int Year, int? DepartmentId = null, Theme? Theme = null)
{
    /// <summary>The query string the export endpoint reads, e.g. <c>year=2026&amp;department=2</c>.</summary>
    public string Query =>
        $"year={Year}" + (DepartmentId is { } d ? $"&department={d}" : "") + (Theme is { } t ? $"&theme={t}" : "");

    public string CsvUrl => $"reports/{Kind.ToString().ToLowerInvariant()}.csv?{Query}";

    public string XlsxUrl => $"reports/{Kind.ToString().ToLowerInvariant()}.xlsx?{Query}";
}
