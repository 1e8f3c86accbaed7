using InnovationCases.Domain;

namespace InnovationCases.Features.Board;

/// <summary>
/// The board's settings, configuration section <c>Board</c>: days a case may stay in a stage before
/// its card says "overdue" (<c>Board:StageLimitDays:Submitted</c>), soft work-in-progress limits
/// per column (<c>Board:WipLimits:Screened</c>), and how many cards a column shows when the board
/// opens and per further page.
/// </summary>
public sealed class BoardOptions
{
    public const string Section = "Board";

    public Dictionary<Stage, int> StageLimitDays { get; set; } = new()
    {
        [Stage.Submitted] = 14,
        [Stage.Screened] = 21,
        [Stage.Recommended] = 30,
        [Stage.Granted] = 365,
        [Stage.Implemented] = 120,
    };

    /// <summary>Soft limits: the column header turns red above them; nothing is refused.</summary>
    public Dictionary<Stage, int> WipLimits { get; set; } = [];

    /// <summary>Cards per column per page ("Vis flere" loads the next page).</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>
    /// Cards per column when the board opens: what a column shows without scrolling, and one more so
    /// that the list scrolls (a 1600×1000 window shows three of a column's cards, 1280×800 fewer).
    /// Every card rendered is built twice on opening (prerendered, then again by the circuit) and is
    /// memory held by every open board for as long as it is open; the next ones come a page at a time
    /// ("Vis flere", scrolling to it, or at once when a taller window leaves a column room).
    /// </summary>
    public int FirstPageSize { get; set; } = 4;

    /// <summary>The first page, never larger than a later one.</summary>
    public int FirstPage => Math.Max(1, Math.Min(FirstPageSize, PageSize));

    public int? LimitDaysFor(Stage stage) => StageLimitDays.TryGetValue(stage, out var d) && d > 0 ? d : null;

    public int? WipLimitFor(Stage stage) => WipLimits.TryGetValue(stage, out var w) && w > 0 ? w : null;
}
