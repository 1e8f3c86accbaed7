namespace InnovationCases.Features.Reports;

/// <summary>The reports the council and the directors asked for.</summary>
public enum ReportKind
{
    /// <summary>A department's yearly account of its innovation projects.</summary>
    Department,

    /// <summary>All projects and grants of a year, for the finance committee (Økonomiudvalget).</summary>
    Finance,

    /// <summary>Projects filtered by theme and department, for a standing committee (fagudvalg).</summary>
    Committee,
}
