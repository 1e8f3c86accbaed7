using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnovationCases.Data;

/// <summary>
/// Keeps SQLite's prepared statements of a connection that stays open (the one <see cref="DbWriter"/>
/// writes through), so that a statement EF runs again is bound and stepped, not compiled again.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite compiles a command's text on its first execution and keeps the compiled
/// statement only as long as that command lives (dotnet/efcore#14044); EF creates and disposes a
/// command per execution, so every statement was compiled anew: about 120 µs of CPU of a move's
/// seven, most of it the case read (B1 in docs/BENCHMARKS.md). Here EF still builds, intercepts,
/// counts and logs every command as before; once it is initialized, the command that runs is the
/// connection's kept one for the same text, with EF's parameters and transaction. Only connections
/// handed to <see cref="Keep"/> are touched, at most <see cref="MaxStatements"/> texts each (the
/// writes' fixed statements; a text beyond them runs as before), and they are released with the
/// connection (<see cref="Release"/>).
/// </remarks>
internal sealed class SqliteStatements : DbCommandInterceptor
{
    public const int MaxStatements = 64;

    public static readonly SqliteStatements Instance = new();

    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, KeptCommand>> Kept = new();

    private SqliteStatements()
    {
    }

    /// <summary>From now on the statements run on <paramref name="connection"/> are kept; it must be used by one flow at a time.</summary>
    public static void Keep(SqliteConnection connection) => Kept.AddOrUpdate(connection, new Dictionary<string, KeptCommand>(StringComparer.Ordinal));

    /// <summary>Finalizes the kept statements of <paramref name="connection"/>: before it closes.</summary>
    public static void Release(SqliteConnection connection)
    {
        if (!Kept.TryGetValue(connection, out var commands))
        {
            return;
        }

        Kept.Remove(connection);
        foreach (var command in commands.Values)
        {
            command.Release();
        }
    }

    /// <summary>How many statements <paramref name="connection"/> keeps (tests).</summary>
    public static int CountOf(SqliteConnection connection) => Kept.TryGetValue(connection, out var commands) ? commands.Count : 0;

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (result is not SqliteCommand fresh || fresh.Connection is not { } connection || !Kept.TryGetValue(connection, out var commands))
        {
            return result;
        }

        if (commands.TryGetValue(fresh.CommandText, out var kept) && kept.Reading)
        {
            // The same text again while its reader is still open (a query run inside a loop over itself): a command of its own, as before.
            return result;
        }

        if (kept is null)
        {
            if (commands.Count >= MaxStatements)
            {
                return result;
            }

            kept = new KeptCommand(fresh.CommandText, connection);
            commands.Add(fresh.CommandText, kept);
        }

        kept.Transaction = fresh.Transaction;
        kept.CommandTimeout = fresh.CommandTimeout;
        kept.Parameters.Clear();
        foreach (SqliteParameter parameter in fresh.Parameters)
        {
            kept.Parameters.Add(parameter);
        }

        fresh.Parameters.Clear();
        fresh.Dispose();
        return kept;
    }

    /// <summary>A command whose compiled statements outlive EF's dispose after each execution.</summary>
    private sealed class KeptCommand(string text, SqliteConnection connection) : SqliteCommand(text, connection)
    {
        private bool _released;

        /// <summary>A reader of this command is open.</summary>
        public bool Reading => DataReader is not null;

        public void Release()
        {
            _released = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            // EF disposes the command it ran; the connection closing releases it for good.
            if (_released || Connection?.State != System.Data.ConnectionState.Open)
            {
                base.Dispose(disposing);
                return;
            }

            Parameters.Clear();
            Transaction = null;
        }
    }
}
