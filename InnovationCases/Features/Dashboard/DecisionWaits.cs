using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Dashboard;

/// <summary>
/// The dashboard's decision time, kept on the case (<see cref="InnovationCase.DecisionWaitTicks"/>):
/// the wait from the first submission to the first Grant or Reject move. The move writes it in its
/// version-checked UPDATE (Features/Moves/MoveStore), <see cref="RefillAsync"/> recomputes it from the
/// events (the <c>rebuild-aggregates</c> command, data seeded behind the pipeline; migration
/// <c>DecisionWaitOnCase</c> ran the same statements once), and the dashboard reads the year's median
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

    /// <summary>Recomputes every case's wait from its events, in the caller's transaction; returns how many cases are decided.</summary>
    public static async Task<int> RefillAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Cases" SET "DecisionWaitTicks" = NULL WHERE "DecisionWaitTicks" IS NOT NULL""", ct);
        return await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? PostgresFill : SqliteFill, ct);
    }

    // The first decision of each case, from the partial index IX_CaseEvents_Decisions, minus its
    // submission. SQLite stores a DateTime as text 'yyyy-MM-dd HH:mm:ss.FFFFFFF' (no point when the
    // fraction is zero), which orders as the instants do; its ticks are the whole seconds plus the
    // fraction padded to seven digits, exact where julianday() would round.
    internal const string SqliteFill = """
        UPDATE "Cases" SET "DecisionWaitTicks" = (
            SELECT (CAST(strftime('%s', substr(MIN(e."At"), 1, 19)) AS INTEGER) * 10000000
                    + CAST(substr(substr(MIN(e."At"), 21) || '0000000', 1, 7) AS INTEGER))
                 - (CAST(strftime('%s', substr("Cases"."SubmittedAt", 1, 19)) AS INTEGER) * 10000000
                    + CAST(substr(substr("Cases"."SubmittedAt", 21) || '0000000', 1, 7) AS INTEGER))
            FROM "CaseEvents" AS e
            WHERE e."CaseId" = "Cases"."Id" AND e."Kind" = 'Moved' AND e."Trigger" IN ('Grant', 'Reject'))
        WHERE "Id" IN (SELECT "CaseId" FROM "CaseEvents" WHERE "Kind" = 'Moved' AND "Trigger" IN ('Grant', 'Reject'))
        """;

    // EXTRACT(EPOCH FROM interval) is exact (numeric) and the timestamps hold whole microseconds.
    internal const string PostgresFill = """
        UPDATE "Cases" AS c SET "DecisionWaitTicks" = (EXTRACT(EPOCH FROM d."At" - c."SubmittedAt") * 10000000)::bigint
        FROM (SELECT "CaseId", MIN("At") AS "At" FROM "CaseEvents"
              WHERE "Kind" = 'Moved' AND "Trigger" IN ('Grant', 'Reject') GROUP BY "CaseId") AS d
        WHERE c."Id" = d."CaseId"
        """;
}
