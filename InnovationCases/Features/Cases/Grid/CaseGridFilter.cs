using InnovationCases.Domain;

namespace InnovationCases.Features.Cases.Grid;

/// <summary>The grid's filters; null means "all".</summary>
public sealed class CaseGridFilter
{
    public Stage? Stage { get; set; }
    public PoolKind? PoolKind { get; set; }
    public int? Year { get; set; }

    /// <summary>The application round (cross-cutting pool); kept in the URL as <c>?runde=</c>.</summary>
    public int? RoundId { get; set; }
    public Theme? Theme { get; set; }

    /// <summary>Lead or partner department.</summary>
    public int? DepartmentId { get; set; }
    public long? MinAmount { get; set; }
    public long? MaxAmount { get; set; }

    /// <summary>Matches the case number, the title or the summary.</summary>
    public string? Text { get; set; }
}
