using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.StageStats;

/// <summary>
/// Keeps <see cref="StageDay"/> in step with the event log, inside the transaction of the change
/// that records the event (the pipeline calls it through <c>CaseChangeScope</c>): one UPSERT
/// (<c>INSERT … ON CONFLICT DO UPDATE</c>, the same text on SQLite and PostgreSQL) of the day's rows
/// of the stages involved, whether or not the day has them yet.
/// </summary>
/// <remarks>
/// One statement instead of an UPDATE and, for a day's first change of a stage, a read and an INSERT:
/// no EF expression tree to build and hash per move, and on PostgreSQL no window between "no row"
/// and "insert it" in which a concurrent move inserts the same row. Under READ COMMITTED (moves on
/// PostgreSQL, <see cref="DbWriter"/>) a concurrent move of the same day and stage waits for the
/// row lock and then adds to the committed row; the rows go in in stage order, so two moves between
/// the same two stages in opposite directions lock them in the same order and cannot deadlock.
/// </remarks>
public static class StageDayWriter
{
    // Every right-hand side reads the row as it was before the statement (standard SQL on both
    // providers): shifting the slow slots down relies on that. The inserted row carries at most one
    // stay, in slot 1 (NoStay for an entry), and NoStay is never longer than a slot, so an entry
    // leaves the slots as they are.
    // "Beats" is StageDay.Leave's total order: longer, or as long and of a lower case id; the slow
    // slots then do not depend on the order concurrent moves commit in.
    private static string Beats(int slot) =>
        $"""(excluded."Slow1Ms" > "StageDays"."Slow{slot}Ms" OR (excluded."Slow1Ms" = "StageDays"."Slow{slot}Ms" AND excluded."Slow1CaseId" < "StageDays"."Slow{slot}CaseId"))""";

    private static readonly string Upsert = $"""
        ON CONFLICT ("Day", "Stage") DO UPDATE SET
            "Entered" = "StageDays"."Entered" + excluded."Entered",
            "EnteredAtMs" = "StageDays"."EnteredAtMs" + excluded."EnteredAtMs",
            "Left" = "StageDays"."Left" + excluded."Left",
            "LeftEnteredAtMs" = "StageDays"."LeftEnteredAtMs" + excluded."LeftEnteredAtMs",
            "LeftStayMs" = "StageDays"."LeftStayMs" + excluded."LeftStayMs",
            "Slow1Ms" = CASE WHEN {Beats(1)} THEN excluded."Slow1Ms" ELSE "StageDays"."Slow1Ms" END,
            "Slow1CaseId" = CASE WHEN {Beats(1)} THEN excluded."Slow1CaseId" ELSE "StageDays"."Slow1CaseId" END,
            "Slow2Ms" = CASE WHEN {Beats(1)} THEN "StageDays"."Slow1Ms"
                WHEN {Beats(2)} THEN excluded."Slow1Ms" ELSE "StageDays"."Slow2Ms" END,
            "Slow2CaseId" = CASE WHEN {Beats(1)} THEN "StageDays"."Slow1CaseId"
                WHEN {Beats(2)} THEN excluded."Slow1CaseId" ELSE "StageDays"."Slow2CaseId" END,
            "Slow3Ms" = CASE WHEN {Beats(2)} THEN "StageDays"."Slow2Ms"
                WHEN {Beats(3)} THEN excluded."Slow1Ms" ELSE "StageDays"."Slow3Ms" END,
            "Slow3CaseId" = CASE WHEN {Beats(2)} THEN "StageDays"."Slow2CaseId"
                WHEN {Beats(3)} THEN excluded."Slow1CaseId" ELSE "StageDays"."Slow3CaseId" END
        """;

    private const string Insert = """
        INSERT INTO "StageDays" ("Day", "Stage", "Entered", "EnteredAtMs", "Left", "LeftEnteredAtMs", "LeftStayMs",
            "Slow1Ms", "Slow1CaseId", "Slow2Ms", "Slow2CaseId", "Slow3Ms", "Slow3CaseId")
        VALUES
        """;

    // The nine values a row's change brings, in the order of the INSERT's columns.
    private static readonly string[] RowColumns =
    [
        nameof(StageDay.Day), nameof(StageDay.Stage), nameof(StageDay.Entered), nameof(StageDay.EnteredAtMs), nameof(StageDay.Left),
        nameof(StageDay.LeftEnteredAtMs), nameof(StageDay.LeftStayMs), nameof(StageDay.Slow1Ms), nameof(StageDay.Slow1CaseId),
    ];

    private static readonly string[][] Columns = [RowColumns, [.. RowColumns, .. RowColumns]];

    // The statement for one and for two rows is built once (MappedSql: the properties' own type
    // mappings, no placeholder parsing per move).
    public static Task ApplyAsync(AppDbContext db, StageChange change, CancellationToken ct)
    {
        var rows = RowsOf(change);
        var values = new object?[rows.Count * RowColumns.Length];
        var i = 0;
        foreach (var r in rows)
        {
            values[i++] = r.Day;
            values[i++] = r.Stage;
            values[i++] = r.Entered;
            values[i++] = r.EnteredAtMs;
            values[i++] = r.Left;
            values[i++] = r.LeftEnteredAtMs;
            values[i++] = r.LeftStayMs;
            values[i++] = r.Slow1Ms;
            values[i++] = r.Slow1CaseId;
        }

        return MappedSql.ExecuteAsync<StageDay>(db, rows.Count == 1 ? "StageDays1" : "StageDays2", Columns[rows.Count - 1],
            Text, values, ct);
    }

    private static string Text(IReadOnlyList<string> p) =>
        $"{Insert} {string.Join(", ", Enumerable.Range(0, p.Count / RowColumns.Length).Select(row => Values(p, row)))} {Upsert}";

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
        return from == change.To ? [entered] : [.. new[] { entered, left }.OrderBy(r => r.Stage.ToString(), StringComparer.Ordinal)];
    }

    // A row's nine placeholders; the two slots below slot 1 start empty.
    private static string Values(IReadOnlyList<string> p, int row)
    {
        var v = p.Skip(row * RowColumns.Length).Take(RowColumns.Length);
        return $"({string.Join(", ", v)}, {StageDay.NoStay}, 0, {StageDay.NoStay}, 0)";
    }
}
