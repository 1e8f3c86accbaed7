using InnovationCases.Data;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.StageStats;

/// <summary>
/// Merges the appended <see cref="PendingStageDay"/> rows into the <see cref="StageDay"/> rows, in one
/// write: <c>DELETE … RETURNING</c> takes exactly the pending rows this transaction sees, and the same
/// transaction adds them to their day rows (<see cref="StageDay.Merge"/>), so every row is counted
/// once, whenever the change that appended it commits. No "up to id N" cursor: ids of rows appended by
/// concurrent moves on PostgreSQL do not commit in order, and a row committed after this transaction
/// began simply stays for the next fold. Two folds at once (two app instances) conflict on the rows
/// both delete and are retried by <see cref="DbWriter"/> (SERIALIZABLE); moves never wait for a fold,
/// nor a fold for moves.
/// </summary>
public static class StageDayFold
{
    // The same text on SQLite (3.35+) and PostgreSQL.
    private const string Take = """DELETE FROM "PendingStageDays" RETURNING *""";

    /// <summary>Folds what is pending; returns how many pending rows it merged.</summary>
    public static Task<int> FoldAsync(DbWriter writer, CancellationToken ct = default) =>
        writer.WriteAsync(db => FoldAsync(db, ct), ct);

    /// <summary>The same, inside the caller's write.</summary>
    public static async Task<int> FoldAsync(AppDbContext db, CancellationToken ct)
    {
        var taken = await db.PendingStageDays.FromSqlRaw(Take).AsNoTracking().ToListAsync(ct);
        if (taken.Count == 0)
        {
            return 0;
        }

        var days = taken.Select(p => p.Day).Distinct().ToList();
        var rows = await db.StageDays.Where(d => days.Contains(d.Day)).ToDictionaryAsync(d => (d.Day, d.Stage), ct);
        foreach (var part in taken)
        {
            if (!rows.TryGetValue((part.Day, part.Stage), out var row))
            {
                row = new StageDay { Day = part.Day, Stage = part.Stage };
                rows[(part.Day, part.Stage)] = row;
                db.StageDays.Add(row);
            }

            row.Merge(part.ToDay());
        }

        await db.SaveChangesAsync(ct);
        return taken.Count;
    }
}
