using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace InnovationCases.Data;

/// <summary>
/// Many rows of one table in one transaction through one prepared one-row <c>INSERT</c> that runs
/// again for every row: SQLite compiles the statement once per call, and each run binds only that
/// row's few parameters. The text, the parameters' type mappings and converters come from the EF model
/// as in <see cref="MappedSql.InsertManyAsync"/>, and every run passes EF's command interceptors and
/// logging like any other command.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite keeps a command's compiled statements while its text stays the same, but EF
/// makes a new command for every execution, so <see cref="MappedSql.InsertManyAsync"/> compiles a
/// multi-row INSERT (its indexes, its foreign key, several times over) for every few rows. For the
/// notification fan-out's rows that compiling cost as much as SQLite's own work of writing them, and it
/// ran while the pass held the one writer the moves wait for (benchmark B9b).
/// <para>
/// One row per run, not several: with the statement compiled once, what a run costs besides SQLite's
/// work of writing is the statement's shape and binding, and a one-row statement (11 parameters for an
/// outbox row) costs about half as much per row as an eight-row one (88 parameters, each bound by name)
/// and as little as binding by index (docs/BENCHMARKS.md, session 10).
/// </para>
/// On PostgreSQL each statement is a round trip and Npgsql prepares by itself, so there this is
/// <see cref="MappedSql.InsertManyAsync"/>.
/// </remarks>
internal static class PreparedInsert
{
    public static async Task InsertManyAsync<T>(DbContext db, IReadOnlyList<string> properties, IReadOnlyList<T> rows, CancellationToken ct,
        bool skipExisting = false)
        where T : class
    {
        if (!MappedSql.IsSqlite(db) || rows.Count <= 1)
        {
            await MappedSql.InsertManyAsync(db, properties, rows, ct, skipExisting);
            return;
        }

        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var getters = properties.Select(p => MappedSql.Property(type, p).GetGetter()).ToList();
        // The very statement MappedSql.InsertManyAsync runs for a single row, built once there.
        var template = MappedSql.InsertManyCommand<T>(db, properties, 1, skipExisting);
        var connection = db.GetService<IRelationalConnection>();
        var logger = db.GetService<IRelationalCommandDiagnosticsLogger>();
        // The model's converters, so that a row's values go into the command's own parameters as
        // EF's parameters would have put them (RelationalTypeMapping.CreateParameter converts the same way).
        var converters = properties.Select(p => MappedSql.Property(type, p).GetRelationalTypeMapping().Converter).ToList();
        // The first row's values make the command's parameters (through EF's type mappings).
        var values = new Dictionary<string, object?>(getters.Count);
        for (var c = 0; c < getters.Count; c++)
        {
            values[MappedSql.ParameterName(c)] = getters[c].GetClrValueUsingContainingEntity(rows[0]);
        }

        // Open as EF's own commands do (a no-op inside the writer's transaction), and closed as they do.
        await connection.OpenAsync(ct);
        try
        {
            await RunAsync();
        }
        finally
        {
            await connection.CloseAsync();
        }

        async Task RunAsync()
        {
            var parameterObject = new RelationalCommandParameterObject(connection, values, null, db, logger, CommandSource.ExecuteSqlRaw);
            // The command joins the context's transaction (EF sets it), and the interceptors see it created.
            await using var command = template.CreateDbCommand(parameterObject, Guid.NewGuid(), DbCommandMethod.ExecuteNonQuery);
            for (var r = 0; r < rows.Count; r++)
            {
                if (r > 0)
                {
                    // The command keeps its parameters (names, types); only their values change. Making
                    // new ones per row would cost a name string, a dictionary entry and a parameter per value.
                    for (var c = 0; c < getters.Count; c++)
                    {
                        var value = getters[c].GetClrValueUsingContainingEntity(rows[r]);
                        if (value is not null && converters[c] is { } converter)
                        {
                            value = converter.ConvertToProvider(value);
                        }

                        command.Parameters[c].Value = value ?? DBNull.Value;
                    }
                }

                var id = Guid.NewGuid();
                var started = DateTimeOffset.UtcNow;
                var clock = Stopwatch.GetTimestamp();
                var intercepted = await logger.CommandNonQueryExecutingAsync(connection, command, template.LogCommandText, db, id, connection.ConnectionId, started, CommandSource.ExecuteSqlRaw, ct);
                var inserted = intercepted.HasResult ? intercepted.Result : await command.ExecuteNonQueryAsync(ct);
                await logger.CommandNonQueryExecutedAsync(connection, command, template.LogCommandText, db, id, connection.ConnectionId, inserted, started, Stopwatch.GetElapsedTime(clock), CommandSource.ExecuteSqlRaw, ct);
            }
        }
    }
}
