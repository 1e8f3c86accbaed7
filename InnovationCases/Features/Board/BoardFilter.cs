using InnovationCases.Domain;

namespace InnovationCases.Features.Board;

/// <summary>The board's filters, as they are kept in the URL's query string.</summary>
public sealed record BoardFilter(PoolKind? Pool = null, int? Year = null, Theme? Theme = null, int? DepartmentId = null, string? Text = null, int? RoundId = null)
{
    public static readonly BoardFilter None = new();

    public string? TrimmedText => string.IsNullOrWhiteSpace(Text) ? null : Text.Trim();

    public bool IsEmpty => Pool is null && Year is null && Theme is null && DepartmentId is null && TrimmedText is null && RoundId is null;

    /// <summary>The same test as <see cref="BoardService"/>'s SQL, for cards that arrive live.</summary>
    public bool Matches(BoardItem item) =>
        (Pool is null || item.PoolKind == Pool)
        && (Year is null || item.BudgetYear == Year)
        && (RoundId is null || item.RoundId == RoundId)
        && (Theme is null || item.Theme == Theme)
        && (DepartmentId is null || item.InvolvesDepartment(DepartmentId.Value))
        && (TrimmedText is not { } t
            || item.Title.Contains(t, StringComparison.CurrentCultureIgnoreCase)
            || item.CaseNumber.Contains(t, StringComparison.OrdinalIgnoreCase));
}
