using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace InnovationCases.Data;

/// <summary>
/// Applies the migrations, one instance at a time. On PostgreSQL EF's own migration lock is held per
/// migration's transaction and released between migrations, so two instances starting together on
/// an empty database can both apply the same migration (seen as soon as the set held more than one);
/// a session advisory lock around the whole run makes the second wait and then find nothing to do.
/// SQLite serves one app on one file and needs no lock.
/// </summary>
public static class DatabaseMigrations
{
    // Any fixed 64-bit key, the same for every instance of the app: "InnoCase" in ASCII.
    private const long LockKey = 0x496E6E6F43617365;

    public static async Task MigrateAsync(DatabaseFacade database, CancellationToken ct = default)
    {
        if (!database.IsNpgsql())
        {
            await database.MigrateAsync(ct);
            return;
        }

        // The lock belongs to the session: keep the one connection open from lock to unlock.
        await database.OpenConnectionAsync(ct);
        try
        {
            await database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({LockKey})", ct);
            try
            {
                await database.MigrateAsync(ct);
            }
            finally
            {
                await database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
