namespace InnovationCases.Features.Reports;

/// <summary>A column of a report: its Danish header and the kind of its values.</summary>
public sealed record ReportColumn(string Header, ReportValueKind Kind);
