using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Dashboard;

/// <summary>
/// The dashboard's decision time, kept on the case (<see cref="InnovationCase.DecisionWaitTicks"/>):
/// the wait from the first submission to the first Grant or Reject move. The move writes it in its
/// version-checked UPDATE (Features/Moves/MoveStore), <see cref="RefillAsync"/> recomputes it from the
/// events (the <c>rebuild-aggregates</c> command, data seeded behind the pipeline; migration
/// <c>DecisionWaitOnCase</c> ran an earlier, unbatched form once), and the dashboard reads the year's median
/// from the partial index <c>IX_Cases_DecisionWait</c>: a count and a walk to the middle, instead of
/// joining every decision to its case.
/// </summary>
public static class DecisionWaits
{
    /// <summary>Whether entering <paramref name="stage"/> is a decision: only Grant enters Granted, only Reject enters Rejected.</summary>
    public static bool IsDecision(Stage stage) => stage is Stage.Granted or Stage.Rejected;

    /// <summary>
    /// The wait in ticks between two instants as the database stores them, so that it equals the wait
    /// computed from the stored event and case: PostgreSQL keeps whole microseconds (Npgsql drops the
    /// rest), SQLite every tick.
    /// </summary>
    public static long Ticks(AppDbContext db, DateTime submittedAt, DateTime decidedAt)
    {
        var unit = db.Database.IsNpgsql() ? TimeSpan.TicksPerMicrosecond : 1;
        return decidedAt.Ticks / unit * unit - submittedAt.Ticks / unit * unit;
    }

    /// <summary>How many of the cases were decided, and the median wait in days (null for none).</summary>
    public static async Task<(int Count, double? MedianDays)> MedianAsync(IQueryable<InnovationCase> cases, CancellationToken ct)
    {
        var waits = cases.Where(c => c.DecisionWaitTicks != null).Select(c => c.DecisionWaitTicks!.Value);
        var count = await waits.CountAsync(ct);
        if (count == 0)
        {
            return (0, null);
        }

        // The middle one, or the middle two of an even count, straight from the index's order.
        var middle = await waits.Order().Skip((count - 1) / 2).Take(count % 2 == 1 ? 1 : 2).ToListAsync(ct);
        return (count, DashboardMath.Median(middle.Select(t => TimeSpan.FromTicks(t).TotalDays)));
    }

    /// <summary>
    /// Recomputes from their events the waits of the cases with ids from <paramref name="fromId"/> up
    /// to (not including) <paramref name="toId"/>, in the caller's transaction, writing only the cases
    /// whose stored wait differs; returns how many it wrote. One range per statement, so that the
    /// statement's time is bounded by the range however many cases the database holds
    /// (<see cref="StageStats.StageDayRebuild"/> walks the ranges).
    /// </summary>
    public static Task<int> RefillAsync(AppDbContext db, int fromId, int toId, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? PostgresFill : SqliteFill, [fromId, toId], ct);

    // The first decision of each case, from the partial index IX_CaseEvents_Decisions, minus its
    // submission; null for a case without one. SQLite stores a DateTime as text
    // 'yyyy-MM-dd HH:mm:ss.FFFFFFF' (no point when the fraction is zero), which orders as the instants
    // do; its ticks are the whole seconds plus the fraction padded to seven digits, exact where
    // julianday() would round. (Migration DecisionWaitOnCase ran the earlier form, over every case at
    // once, when the column was added.)
    internal const string SqliteFill = """
        UPDATE "Cases" SET "DecisionWaitTicks" = w."Ticks"
        FROM (SELECT c."Id", (
                  SELECT (CAST(strftime('%s', substr(MIN(e."At"), 1, 19)) AS INTEGER) * 10000000
                          + CAST(substr(substr(MIN(e."At"), 21) || '0000000', 1, 7) AS INTEGER))
                       - (CAST(strftime('%s', substr(c."SubmittedAt", 1, 19)) AS INTEGER) * 10000000
                          + CAST(substr(substr(c."SubmittedAt", 21) || '0000000', 1, 7) AS INTEGER))
                  FROM "CaseEvents" AS e
                  WHERE e."CaseId" = c."Id" AND e."Kind" = 'Moved' AND e."Trigger" IN ('Grant', 'Reject')) AS "Ticks"
              FROM "Cases" AS c WHERE c."Id" >= {0} AND c."Id" < {1}) AS w
        WHERE "Cases"."Id" = w."Id" AND "Cases"."DecisionWaitTicks" IS NOT w."Ticks"
        """;

    // EXTRACT(EPOCH FROM interval) is exact (numeric) and the timestamps hold whole microseconds.
    internal const string PostgresFill = """
        UPDATE "Cases" AS c SET "DecisionWaitTicks" = w."Ticks"
        FROM (SELECT r."Id", (EXTRACT(EPOCH FROM d."At" - r."SubmittedAt") * 10000000)::bigint AS "Ticks"
              FROM "Cases" AS r
              LEFT JOIN (SELECT "CaseId", MIN("At") AS "At" FROM "CaseEvents"
                         WHERE "Kind" = 'Moved' AND "Trigger" IN ('Grant', 'Reject') AND "CaseId" >= {0} AND "CaseId" < {1}
                         GROUP BY "CaseId") AS d ON d."CaseId" = r."Id"
              WHERE r."Id" >= {0} AND r."Id" < {1}) AS w
        WHERE c."Id" = w."Id" AND c."DecisionWaitTicks" IS DISTINCT FROM w."Ticks"
        """;
}
