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
    /// Cards per column when the board opens: about what a column shows without scrolling. Every
    /// card rendered is memory held by every open board for as long as it is open, and most are
    /// never scrolled to; the next ones come a page at a time ("Vis flere", or scrolling to it).
    /// </summary>
    public int FirstPageSize { get; set; } = 8;

    /// <summary>The first page, never larger than a later one.</summary>
    public int FirstPage => Math.Max(1, Math.Min(FirstPageSize, PageSize));

    public int? LimitDaysFor(Stage stage) => StageLimitDays.TryGetValue(stage, out var d) && d > 0 ? d : null;

    public int? WipLimitFor(Stage stage) => WipLimits.TryGetValue(stage, out var w) && w > 0 ? w : null;
}
