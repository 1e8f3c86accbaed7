namespace InnovationCases.Features.Reports;

/// <summary>
/// A report as a plain table, the one shape that the page renders and the CSV and XLSX exports
/// write, so that all three always agree. Text cells are strings (or null), money cells longs (or null).
/// </summary>
public sealed record ReportTable(string Title, string Subtitle, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>The sum of a money column, for the totals line.</summary>
    public long Total(int column) => Rows.Sum(r => r[column] as long? ?? 0);

    /// <summary>A file name for downloads: e.g. <c>rapport-finance-2026</c>.</summary>
    public string FileStem { get; init; } = "rapport";
}
