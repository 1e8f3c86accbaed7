namespace InnovationCases.Features.Reports;

/// <summary>How a column's values are written: as text, or as whole kroner.</summary>
public enum ReportValueKind
{
    Text,
    Money,
}
