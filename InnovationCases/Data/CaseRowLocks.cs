using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data;

/// <summary>
/// Row locks on a case for the changes that depend on its stage without writing the case row.
/// </summary>
public static class CaseRowLocks
{
    /// <summary>
    /// Takes <c>FOR SHARE</c> on the case's row to the end of the write, before the change reads the
    /// case. A change that is allowed only in some stages (an assessment while Screened, an effect
    /// report or a delivery record once granted) adds rows elsewhere and leaves the case row as it is;
    /// at SERIALIZABLE that is no conflict with a move, which runs at READ COMMITTED on PostgreSQL
    /// (<see cref="WriteIsolation.RowLocks"/>) and so takes no part in serializable conflict detection.
    /// The shared lock closes that: a move's version-checked <c>UPDATE</c> waits until such a change has
    /// committed, and a change that comes after a move has updated the row fails with a serialization
    /// failure (<see cref="DbWriter"/> retries it, and the retry reads the new stage). <c>FOR SHARE</c>,
    /// not <c>FOR KEY SHARE</c>: a move's <c>UPDATE</c> takes <c>FOR NO KEY UPDATE</c>, which only the
    /// former blocks; not <c>FOR UPDATE</c>: two such changes of one case need not wait for each other.
    /// Nothing on SQLite, whose writes are serialized anyway.
    /// </summary>
    public static async Task LockCaseForShareAsync(this AppDbContext db, string caseNumber, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            return;
        }

        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Cases" WHERE "CaseNumber" = {caseNumber} FOR SHARE""", ct);
    }
}
