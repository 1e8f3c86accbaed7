using InnovationCases.Domain;

namespace InnovationCases.Features.Board;

/// <summary>A column's true totals (all matching cases, not only the cards shown).</summary>
public sealed record ColumnTotal(int Count, long Sum);

public sealed record DepartmentChoice(int Id, string Name);

/// <summary>What the board shows when it loads: totals and first page per column, and the filters' choices.</summary>
public sealed record BoardSnapshot(
    IReadOnlyDictionary<Stage, ColumnTotal> Totals,
    IReadOnlyDictionary<Stage, IReadOnlyList<BoardItem>> Cards,
    IReadOnlyDictionary<int, long> PoolRemaining,
    IReadOnlyList<int> Years,
    IReadOnlyList<DepartmentChoice> Departments,
    IReadOnlyList<DepartmentChoice>? Rounds = null);

/// <summary>The next page of one column.</summary>
public sealed record ColumnPage(IReadOnlyList<BoardItem> Items, IReadOnlyDictionary<int, long> PoolRemaining);
