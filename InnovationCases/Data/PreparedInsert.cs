using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace InnovationCases.Data;

/// <summary>
/// Many rows of one table in one transaction through one prepared multi-row <c>INSERT</c> that runs
/// again for every chunk of <see cref="MappedSql.RowsPerStatement"/> rows: SQLite compiles the
/// statement once per call instead of once per chunk. The text, the parameters' type mappings and
/// converters come from the EF model as in <see cref="MappedSql.InsertManyAsync"/>, and every run passes
/// EF's command interceptors and logging like any other command.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite keeps a command's compiled statements while its text stays the same, but EF
/// makes a new command for every execution, so <see cref="MappedSql.InsertManyAsync"/> compiles an
/// eight-row INSERT (its indexes, its foreign key, eight times over) for every eight rows. For the
/// notification fan-out's rows that compiling cost as much as SQLite's own work of writing them, and it
/// ran while the pass held the one writer the moves wait for (benchmark B9b). On PostgreSQL each
/// statement is a round trip and Npgsql prepares by itself, so there this is
/// <see cref="MappedSql.InsertManyAsync"/>.
/// </remarks>
internal static class PreparedInsert
{
    public static async Task InsertManyAsync<T>(DbContext db, IReadOnlyList<string> properties, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        const int perStatement = MappedSql.RowsPerStatement;
        var full = rows.Count / perStatement * perStatement;
        if (!db.Database.IsSqlite() || full <= perStatement)
        {
            await MappedSql.InsertManyAsync(db, properties, rows, ct);
            return;
        }

        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var getters = properties.Select(p => MappedSql.Property(type, p).GetGetter()).ToList();
        // The very statement MappedSql.InsertManyAsync runs for a full chunk, built once there.
        var template = MappedSql.InsertManyCommand<T>(db, properties, perStatement);
        var connection = db.GetService<IRelationalConnection>();
        var logger = db.GetService<IRelationalCommandDiagnosticsLogger>();
        // The model's converters, so that a chunk's values go into the command's own parameters as
        // EF's parameters would have put them (RelationalTypeMapping.CreateParameter converts the same way).
        var converters = properties.Select(p => MappedSql.Property(type, p).GetRelationalTypeMapping().Converter).ToList();
        var values = new Dictionary<string, object?>(perStatement * getters.Count);
        // The first chunk's values make the command's parameters (through EF's type mappings).
        var first = 0;
        for (var r = 0; r < perStatement; r++)
        {
            foreach (var getter in getters)
            {
                values[MappedSql.ParameterName(first++)] = getter.GetClrValueUsingContainingEntity(rows[r]);
            }
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

        if (full < rows.Count)
        {
            await MappedSql.InsertManyAsync(db, properties, rows.Skip(full).ToList(), ct);
        }

        async Task RunAsync()
        {
            var parameterObject = new RelationalCommandParameterObject(connection, values, null, db, logger, CommandSource.ExecuteSqlRaw);
            // The command joins the context's transaction (EF sets it), and the interceptors see it created.
            await using var command = template.CreateDbCommand(parameterObject, Guid.NewGuid(), DbCommandMethod.ExecuteNonQuery);
            for (var start = 0; start < full; start += perStatement)
            {
                if (start > 0)
                {
                    // The command keeps its parameters (names, types); only their values change. Making
                    // new ones per chunk cost a name string, a dictionary entry and a parameter per value.
                    var i = 0;
                    for (var r = start; r < start + perStatement; r++)
                    {
                        for (var c = 0; c < getters.Count; c++, i++)
                        {
                            var value = getters[c].GetClrValueUsingContainingEntity(rows[r]);
                            if (value is not null && converters[c] is { } converter)
                            {
                                value = converter.ConvertToProvider(value);
                            }

                            command.Parameters[i].Value = value ?? DBNull.Value;
                        }
                    }
                }

                var id = Guid.NewGuid();
                var started = DateTimeOffset.UtcNow;
                var clock = Stopwatch.StartNew();
                var intercepted = await logger.CommandNonQueryExecutingAsync(connection, command, template.LogCommandText, db, id, connection.ConnectionId, started, CommandSource.ExecuteSqlRaw, ct);
                var inserted = intercepted.HasResult ? intercepted.Result : await command.ExecuteNonQueryAsync(ct);
                await logger.CommandNonQueryExecutedAsync(connection, command, template.LogCommandText, db, id, connection.ConnectionId, inserted, started, clock.Elapsed, CommandSource.ExecuteSqlRaw, ct);
            }
        }
    }
}
