using InnovationCases.Domain;

namespace InnovationCases.Features.Board;

/// <summary>A column's true totals (all matching cases, not only the cards shown).</summary>
public sealed record ColumnTotal(int Count, long Sum);

public sealed record DepartmentChoice(int Id, string Name);

/// <summary>
/// What the board shows when it loads: totals and first page per column, and the filters' choices.
/// <paramref name="LatestEventId"/> is the newest case event when it was read: a board that starts
/// from a prerendered snapshot compares it to tell whether it missed a change.
/// </summary>
public sealed record BoardSnapshot(
    IReadOnlyDictionary<Stage, ColumnTotal> Totals,
    IReadOnlyDictionary<Stage, IReadOnlyList<BoardItem>> Cards,
    IReadOnlyList<int> Years,
    IReadOnlyList<DepartmentChoice> Departments,
    IReadOnlyList<DepartmentChoice>? Rounds = null,
    long LatestEventId = 0);

/// <summary>The next page of one column.</summary>
public sealed record ColumnPage(IReadOnlyList<BoardItem> Items);
