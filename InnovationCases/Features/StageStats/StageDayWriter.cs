using InnovationCases.Data;
using InnovationCases.Domain;

namespace InnovationCases.Features.StageStats;

/// <summary>
/// Counts a stage change for the dashboard's <see cref="StageDay"/> rows, inside the transaction of
/// the change that records the event (the pipeline calls it through <c>CaseChangeScope</c>): one
/// INSERT of the change's part of each day row it touches as <see cref="PendingStageDay"/> rows,
/// the same text on SQLite and PostgreSQL. <see cref="StageDayFold"/> merges them into the day rows later.
/// </summary>
/// <remarks>
/// Appending, not updating: before, every move UPSERTed today's rows of its two stages, and on
/// PostgreSQL (moves at READ COMMITTED, <see cref="DbWriter"/>) every concurrent move of the day
/// waited for the row locks of the one before it until that one committed — sampled during 16 writers,
/// the largest single wait. An INSERT of new rows waits for nobody. The rule of how rows add up
/// (counts, sums, the slow slots' order) lives once, in <see cref="StageDay"/>, and the fold applies it.
/// </remarks>
public static class StageDayWriter
{
    // The stages' stored names (the enum's text, as the rows store it), made once.
    private static readonly Dictionary<Stage, string> Names = Enum.GetValues<Stage>().ToDictionary(x => x, x => x.ToString());

    /// <summary>
    /// The nine columns a change's part brings (the id is the table's own): what <see cref="ApplyAsync"/>
    /// writes, and what a caller writing the rows in a command of its own writes (a move: with its event).
    /// </summary>
    internal static readonly IReadOnlyList<string> PendingColumns =
    [
        nameof(PendingStageDay.Day), nameof(PendingStageDay.Stage), nameof(PendingStageDay.Entered), nameof(PendingStageDay.EnteredAtMs),
        nameof(PendingStageDay.Left), nameof(PendingStageDay.LeftEnteredAtMs), nameof(PendingStageDay.LeftStayMs),
        nameof(PendingStageDay.SlowMs), nameof(PendingStageDay.SlowCaseId),
    ];

    // One INSERT of one or two rows, its statement built once per row count (MappedSql: the
    // properties' own type mappings and converters, no placeholder parsing per move).
    public static Task ApplyAsync(AppDbContext db, StageChange change, CancellationToken ct) =>
        MappedSql.InsertManyAsync(db, PendingColumns, PendingRowsOf(change), ct);

    /// <summary>The rows <see cref="ApplyAsync"/> inserts for <paramref name="change"/>.</summary>
    internal static IReadOnlyList<PendingStageDay> PendingRowsOf(StageChange change) => RowsOf(change).Select(PendingStageDay.Of).ToList();

    /// <summary>
    /// The change as day rows holding just it, in stage order: the entered stage's row, and for a move
    /// the left stage's row (one row when a move stays in its stage).
    /// </summary>
    internal static IReadOnlyList<StageDay> RowsOf(StageChange change)
    {
        var day = StageDay.DayOf(change.At);
        var atMs = StageDay.Ms(change.At);
        var entered = new StageDay { Day = day, Stage = change.To };
        entered.Enter(atMs);
        if (change.From is not { } from)
        {
            return [entered];
        }

        var left = from == change.To ? entered : new StageDay { Day = day, Stage = from };
        left.Leave(change.CaseId, StageDay.Ms(change.FromEnteredAt ?? change.At), atMs);
        if (from == change.To)
        {
            return [entered];
        }

        // In the order of the stages' stored names (ordinal), without a sort per move (B1).
        return string.CompareOrdinal(Names[entered.Stage], Names[left.Stage]) <= 0 ? [entered, left] : [left, entered];
    }
}
