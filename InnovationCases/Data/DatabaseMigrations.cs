using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InnovationCases.Data;

/// <summary>
/// Applies the migrations, one instance at a time. On PostgreSQL EF's own migration lock is held per
/// migration's transaction and released between migrations, so two instances starting together on
/// an empty database can both apply the same migration (seen as soon as the set held more than one);
/// a session advisory lock around the whole run makes the second wait and then find nothing to do.
/// SQLite serves one app on its files and needs no lock; there the notifications' file
/// (<see cref="NotificationsFile"/>) is migrated first, by its own set, and what the cases' file held
/// of the notifications before they moved is copied over before the cases' migration drops it.
/// </summary>
public static class DatabaseMigrations
{
    // Any fixed 64-bit key, the same for every instance of the app: "InnoCase" in ASCII.
    private const long LockKey = 0x496E6E6F43617365;

    public static async Task MigrateAsync(DatabaseFacade database, CancellationToken ct = default)
    {
        if (database.IsSqlite())
        {
            await MigrateSqliteAsync(database, ct);
            return;
        }

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

    private static async Task MigrateSqliteAsync(DatabaseFacade database, CancellationToken ct)
    {
        var options = NotificationsDbContext.Options(NotificationsFile.ConnectionStringFor(database.GetConnectionString()!));
        await using (var notifications = new NotificationsDbContext(options))
        {
            await notifications.Database.MigrateAsync(ct);
            await notifications.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        var pending = (await database.GetPendingMigrationsAsync(ct)).ToList();
        var move = pending.FindIndex(m => m.EndsWith("_" + nameof(Migrations.NotificationsInOwnFile), StringComparison.Ordinal));
        if (move >= 0)
        {
            if (move > 0)
            {
                await database.GetService<IMigrator>().MigrateAsync(pending[move - 1], cancellationToken: ct);
            }

            await CopyNotificationsAsync(database, ct);
        }

        await database.MigrateAsync(ct);
    }

    /// <summary>
    /// The notifications' texts and rows from the cases' file into their own, with their ids (a digest
    /// names its rows' by id); what is there already is skipped, so a copy that ran before a crash
    /// runs again harmlessly. Only the notifications' file is written.
    /// </summary>
    private static async Task CopyNotificationsAsync(DatabaseFacade database, CancellationToken ct)
    {
        var model = database.GetService<ICurrentDbContext>().Context.Model;
        var sql = new System.Text.StringBuilder();
        foreach (var entity in new[] { typeof(Features.Notifications.NotificationBody), typeof(Features.Notifications.OutboxMessage) })
        {
            var type = model.FindEntityType(entity)!;
            var table = type.GetTableName()!;
            var columns = string.Join(", ", type.GetProperties().Select(p => $"\"{p.GetColumnName()}\""));
            sql.Append($"INSERT OR IGNORE INTO {NotificationsFile.Schema}.\"{table}\" ({columns}) SELECT {columns} FROM main.\"{table}\"; ");
        }

        await database.OpenConnectionAsync(ct);
        try
        {
            var count = database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM main.sqlite_master WHERE type = 'table' AND name = 'Outbox'");
            if (await count.SingleAsync(ct) == 0)
            {
                return;
            }

            await using var tx = await database.BeginTransactionAsync(ct);
            await database.ExecuteSqlRawAsync(sql.ToString(), ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
