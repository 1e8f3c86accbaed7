using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnovationCases.Data;

/// <summary>
/// Per-connection settings for a WAL database: NORMAL sync is durable at every checkpoint and safe
/// against corruption in WAL mode, and much faster than FULL on small transactions; and the log size
/// at which a committing writer checkpoints itself (<c>wal_autocheckpoint</c>), raised while
/// <see cref="WalCheckpointer"/> does that work in the background, so it is only the backstop. And the
/// notifications' file attached as <see cref="NotificationsFile.Schema"/> (created empty when missing;
/// its migrations make its tables).
/// </summary>
/// <remarks>
/// The setting belongs to the physical connection, which Microsoft.Data.Sqlite's pool keeps open
/// across <c>Open</c>/<c>Close</c>; it is set the first time a physical connection (its native
/// handle) is opened, not on every open, which is every write (B1 in docs/BENCHMARKS.md).
/// </remarks>
internal sealed class SqlitePragmas(int autoCheckpointPages) : DbConnectionInterceptor
{
    private readonly string _sql = $"PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint={autoCheckpointPages};";

    // The native handles already set; an entry goes when its handle is collected.
    private readonly ConditionalWeakTable<object, object> _set = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!Needs(connection))
        {
            return;
        }

        using var cmd = Command(connection);
        cmd.ExecuteNonQuery();
        Done(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!Needs(connection))
        {
            return;
        }

        await using var cmd = Command(connection);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        Done(connection);
    }

    private DbCommand Command(DbConnection connection)
    {
        var cmd = NotificationsFile.AttachCommand(connection);
        cmd.CommandText = _sql + " " + cmd.CommandText;
        return cmd;
    }

    private bool Needs(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !_set.TryGetValue(handle, out _);

    private void Done(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _set.AddOrUpdate(handle, handle);
        }
    }
}
