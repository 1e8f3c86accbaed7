using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace InnovationCases.Data;

/// <summary>
/// Plain SQL for the few rows every move writes (the case's UPDATE, its event, the pending fan-out
/// row, the day's stage counts), built once per model and column list from EF's own mapping and run through EF's relational
/// command on the context's connection and transaction; the event and the rows that go with it are one command (on PostgreSQL one round trip).
/// </summary>
/// <remarks>
/// What a move saves is EF's per-call work: translating an <c>ExecuteUpdate</c>'s expression tree
/// and looking it up in the query cache, change tracking and <c>SaveChanges</c>' command pipeline.
/// What it keeps: the column names, type mappings and value converters come from the model, so the
/// stored values are exactly what <c>SaveChanges</c> would store (enum text, UTC instants, SQLite's
/// text dates) on both providers; and the commands pass EF's interceptors and diagnostics like any
/// other (the command counter of B3, <c>BENCH_SQL</c>).
/// </remarks>
internal static class MappedSql
{
    // Templates: a built RelationalCommand reuses one data reader object, so it must not run on two
    // threads at once (PostgreSQL's writers run side by side); each call gets its own from the template.
    private static readonly ConcurrentDictionary<(IModel Model, Type Entity, string Shape), IRelationalCommandTemplate> Commands = new();

    // Whether a model is SQLite's, asked once: DatabaseFacade.IsSqlite() compares the provider's
    // assembly name, which it reads (Assembly.GetName, allocating) on every call — once per move (B1).
    // A model belongs to one provider (the SQLite and PostgreSQL contexts have one each), as the commands above assume.
    private static readonly ConcurrentDictionary<IModel, bool> Sqlite = new();

    /// <summary>Whether <paramref name="db"/> runs on SQLite (cached per model: <c>IsSqlite()</c> costs an assembly-name read per call).</summary>
    internal static bool IsSqlite(DbContext db) => Sqlite.GetOrAdd(db.Model, static (_, db) => db.Database.IsSqlite(), db);

    /// <summary>
    /// <c>UPDATE … SET <paramref name="set"/> WHERE <paramref name="where"/> (all equal)</c>; the rows it
    /// changed. The property names are the entity's; the text is built once per list of names.
    /// </summary>
    public static Task<int> UpdateAsync<T>(DbContext db, IReadOnlyList<(string Property, object? Value)> set, IReadOnlyList<(string Property, object? Value)> where, CancellationToken ct)
    {
        var shape = "U:" + string.Join(",", set.Select(s => s.Property)) + "|" + string.Join(",", where.Select(w => w.Property));
        var command = Instance(db, Commands.GetOrAdd((db.Model, typeof(T), shape), _ => BuildUpdate(db, typeof(T), set, where)));
        var values = new Dictionary<string, object?>(set.Count + where.Count);
        var i = 0;
        foreach (var (_, value) in set.Concat(where))
        {
            values[Name(i++)] = value;
        }

        return command.ExecuteNonQueryAsync(Parameters(db, values), ct);
    }

    /// <summary>
    /// <c>INSERT</c> of every mapped column of <paramref name="entity"/> but its generated key, returning
    /// the key (<c>RETURNING</c>, which both SQLite and PostgreSQL have); and after the row, in the
    /// same transaction: when <paramref name="keyed"/> names a property of <typeparamref name="TKeyed"/>, a
    /// row of it holding just the new key; and <paramref name="rows"/>' named columns. All of it is one
    /// command, so EF's per-command work is paid once, not three times (B1, B3b), and on a server one
    /// round trip, not three (B1-pg, B3b-pg): on SQLite three statements that run in order in one call
    /// (<c>last_insert_rowid()</c> is the key); on PostgreSQL one statement of data-modifying
    /// <c>WITH</c>s (each runs exactly once, whether or not the final <c>SELECT</c> reads it; the key
    /// comes from the first one's <c>RETURNING</c>).
    /// </summary>
    public static async Task<long> InsertReturningKeyAsync<T, TKeyed, TRow>(DbContext db, T entity, string? keyed, IReadOnlyList<string> properties,
        IReadOnlyList<TRow> rows, CancellationToken ct)
        where T : class
        where TKeyed : class
        where TRow : class
    {
        // Everything but the values is the shape's, found once: the statement, and the getters in the parameters' order (B1: a move runs this).
        var batch = Batches.GetOrAdd((db.Model, typeof(T), typeof(TKeyed), keyed, typeof(TRow), ColumnsKey(properties), rows.Count),
            static (k, args) => BuildBatch(args.db, k.Entity, k.KeyedEntity, k.Keyed, k.RowEntity, args.properties, k.Rows), (db, properties));
        var command = Instance(db, batch.Command);
        var values = new Dictionary<string, object?>(batch.Own.Length + rows.Count * batch.Row.Length);
        var i = 0;
        foreach (var getter in batch.Own)
        {
            values[Name(i++)] = getter.GetClrValueUsingContainingEntity(entity);
        }

        foreach (var row in rows)
        {
            foreach (var getter in batch.Row)
            {
                values[Name(i++)] = getter.GetClrValueUsingContainingEntity(row);
            }
        }

        await using var reader = await command.ExecuteReaderAsync(Parameters(db, values), ct);
        if (!await reader.ReadAsync(ct))
        {
            throw new InvalidOperationException($"The INSERT into {typeof(T).Name} returned no key.");
        }

        var id = reader.DbDataReader.GetInt64(0);
        // The statements after the first run as the reader moves past them.
        while (await reader.DbDataReader.NextResultAsync(ct))
        {
        }

        return id;
    }

    private sealed record InsertBatch(IRelationalCommandTemplate Command, IClrPropertyGetter[] Own, IClrPropertyGetter[] Row);

    private static readonly ConcurrentDictionary<(IModel Model, Type Entity, Type KeyedEntity, string? Keyed, Type RowEntity, string Columns, int Rows), InsertBatch> Batches = new();

    // A column list's key, made once per list (the callers pass a static list), not joined per call.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<string>, string> ColumnKeys = new();

    private static string ColumnsKey(IReadOnlyList<string> properties) => ColumnKeys.GetValue(properties, static p => string.Join(",", p));

    private static InsertBatch BuildBatch(DbContext db, Type entity, Type keyedEntity, string? keyed, Type rowEntity, IReadOnlyList<string> properties, int rows)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not mapped.");
        var key = type.FindPrimaryKey()!.Properties.Single();
        var own = type.GetProperties().Where(p => p != key).ToList();
        var rowType = db.Model.FindEntityType(rowEntity) ?? throw new InvalidOperationException($"{rowEntity.Name} is not mapped.");
        return new InsertBatch(BuildInsertBatch(db, entity, own, key, keyedEntity, keyed, rowEntity, properties, rows),
            own.Select(p => p.GetGetter()).ToArray(), properties.Select(p => Property(rowType, p).GetGetter()).ToArray());
    }

    private static IRelationalCommand BuildInsertBatch(DbContext db, Type entity, IReadOnlyList<IProperty> own, IProperty key, Type keyedEntity, string? keyed,
        Type rowEntity, IReadOnlyList<string> rowColumns, int rows)
    {
        var (type, table, sql) = Mapping(db, entity);
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create();
        var i = 0;
        string Placeholder(IProperty property)
        {
            var name = Name(i++);
            builder.AddParameter(name, sql.GenerateParameterName(name), property.GetRelationalTypeMapping(), property.IsNullable);
            return sql.GenerateParameterNamePlaceholder(name);
        }

        string Columns(IEnumerable<IProperty> properties, StoreObjectIdentifier on) =>
            string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(on)!)));

        var keyColumn = sql.DelimitIdentifier(key.GetColumnName(table)!);
        var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({Columns(own, table)}) VALUES ({string.Join(", ", own.Select(Placeholder))}) RETURNING {keyColumn}";
        string? keyedInsert = null;
        if (keyed is not null)
        {
            var (keyedType, keyedTable, _) = Mapping(db, keyedEntity);
            keyedInsert = $"INSERT INTO {sql.DelimitIdentifier(keyedTable.Name, keyedTable.Schema)} ({Columns([Property(keyedType, keyed)], keyedTable)})";
        }

        string? rowsInsert = null;
        if (rows > 0)
        {
            var (rowType, rowTable, _) = Mapping(db, rowEntity);
            var mapped = rowColumns.Select(c => Property(rowType, c)).ToList();
            var tuples = Enumerable.Range(0, rows).Select(_ => "(" + string.Join(", ", mapped.Select(Placeholder)) + ")").ToList();
            rowsInsert = $"INSERT INTO {sql.DelimitIdentifier(rowTable.Name, rowTable.Schema)} ({Columns(mapped, rowTable)}) VALUES {string.Join(", ", tuples)}";
        }

        if (IsSqlite(db))
        {
            // Statements in order; the keyed row right after the first INSERT, whose key it takes.
            builder.Append(insert + ";");
            if (keyedInsert is not null)
            {
                builder.AppendLine().Append(keyedInsert + " VALUES (last_insert_rowid());");
            }

            if (rowsInsert is not null)
            {
                builder.AppendLine().Append(rowsInsert + ";");
            }
        }
        else
        {
            builder.Append($"WITH e AS ({insert})");
            if (keyedInsert is not null)
            {
                builder.AppendLine().Append($", k AS ({keyedInsert} SELECT {keyColumn} FROM e)");
            }

            if (rowsInsert is not null)
            {
                builder.AppendLine().Append($", r AS ({rowsInsert})");
            }

            builder.AppendLine().Append($"SELECT {keyColumn} FROM e");
        }

        return builder.Build();
    }

    /// <summary>
    /// <c>INSERT</c> of the named columns of many rows, a few rows per statement, without reading
    /// anything back. One text per row count (at most <see cref="RowsPerStatement"/>), built once.
    /// </summary>
    /// <remarks>
    /// Few rows per statement on SQLite on purpose: binding a parameter looks its name up among the
    /// statement's (Microsoft.Data.Sqlite and SQLite both search linearly, and EF's raw SQL path checks
    /// the command's list once more), so one statement of 900 parameters costs quadratically more per
    /// row than ten of 90, and an in-process statement costs no round trip (benchmark B9b's fan-out).
    /// On PostgreSQL each statement is a round trip, so it takes more rows per statement.
    /// </remarks>
    public static async Task InsertManyAsync<T>(DbContext db, IReadOnlyList<string> properties, IReadOnlyList<T> rows, CancellationToken ct,
        bool skipExisting = false)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var getters = properties.Select(p => Property(type, p).GetGetter()).ToList();
        var columns = string.Join(",", properties);
        var perStatement = IsSqlite(db) ? RowsPerStatement : RowsPerStatementWithRoundTrips;
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            var command = InsertManyCommand<T>(db, properties, columns, count, skipExisting);
            var values = new Dictionary<string, object?>(count * getters.Count);
            var i = 0;
            for (var r = start; r < start + count; r++)
            {
                foreach (var getter in getters)
                {
                    values[Name(i++)] = getter.GetClrValueUsingContainingEntity(rows[r]);
                }
            }

            await command.ExecuteNonQueryAsync(Parameters(db, values), ct);
        }
    }

    /// <summary>
    /// The <c>INSERT</c> of <paramref name="rows"/> rows' named columns that <see cref="InsertManyAsync"/>
    /// runs, built once per shape: for a caller that runs it again itself (<see cref="PreparedInsert"/>).
    /// Its parameters are <see cref="ParameterName"/>(0, 1, …), row after row, in the columns' order.
    /// With <paramref name="skipExisting"/> a row that a unique key already holds is left out, not refused.
    /// </summary>
    internal static IRelationalCommand InsertManyCommand<T>(DbContext db, IReadOnlyList<string> properties, int rows, bool skipExisting) =>
        InsertManyCommand<T>(db, properties, string.Join(",", properties), rows, skipExisting);

    private static IRelationalCommand InsertManyCommand<T>(DbContext db, IReadOnlyList<string> properties, string columns, int rows, bool skipExisting) =>
        Instance(db, Commands.GetOrAdd((db.Model, typeof(T), $"IM{rows}{(skipExisting ? "S" : "")}:{columns}"),
            _ => BuildInsertMany(db, typeof(T), properties, rows, skipExisting)));

    /// <summary>The name of the <paramref name="i"/>th parameter of the commands built here.</summary>
    internal static string ParameterName(int i) => Name(i);

    /// <summary>Rows per statement of <see cref="InsertManyAsync"/> on SQLite.</summary>
    public const int RowsPerStatement = 8;

    /// <summary>Rows per statement of <see cref="InsertManyAsync"/> on a server (PostgreSQL): about as many as before it, fewer round trips.</summary>
    public const int RowsPerStatementWithRoundTrips = 64;

    private static IRelationalCommand BuildInsertMany(DbContext db, Type entity, IReadOnlyList<string> columns, int rows, bool skipExisting)
    {
        var (type, table, sql) = Mapping(db, entity);
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create();
        var mapped = columns.Select(c => Property(type, c)).ToList();
        var sqlite = IsSqlite(db);
        builder.Append($"INSERT {(skipExisting && sqlite ? "OR IGNORE " : "")}INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", mapped.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ");
        var i = 0;
        for (var r = 0; r < rows; r++)
        {
            var placeholders = new List<string>(mapped.Count);
            foreach (var property in mapped)
            {
                var name = Name(i++);
                builder.AddParameter(name, sql.GenerateParameterName(name), property.GetRelationalTypeMapping(), property.IsNullable);
                placeholders.Add(sql.GenerateParameterNamePlaceholder(name));
            }

            builder.Append((r == 0 ? "(" : ", (") + string.Join(", ", placeholders) + ")");
        }

        if (skipExisting && !sqlite)
        {
            builder.Append(" ON CONFLICT DO NOTHING");
        }

        return builder.Build();
    }

    // The parameters' names, made once (a move's INSERT has about thirty).
    private static readonly string[] Names = Enumerable.Range(0, 256).Select(i => "p" + i).ToArray();

    private static string Name(int i) => i < Names.Length ? Names[i] : "p" + i;

    private static IRelationalCommand Instance(DbContext db, IRelationalCommandTemplate template)
    {
        var command = db.GetService<IRelationalCommandBuilderFactory>().Create().Build();
        command.PopulateFrom(template);
        return command;
    }

    private static RelationalCommandParameterObject Parameters(DbContext db, IReadOnlyDictionary<string, object?> values) =>
        new(db.GetService<IRelationalConnection>(), values, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.ExecuteSqlRaw);

    private static IRelationalCommand BuildUpdate(DbContext db, Type entity, IReadOnlyList<(string Property, object? Value)> set, IReadOnlyList<(string Property, object? Value)> where)
    {
        var (type, table, sql) = Mapping(db, entity);
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create();
        var i = 0;
        string Assign((string Property, object? Value) column)
        {
            var property = Property(type, column.Property);
            var name = Name(i++);
            builder.AddParameter(name, sql.GenerateParameterName(name), property.GetRelationalTypeMapping(), property.IsNullable);
            return $"{sql.DelimitIdentifier(property.GetColumnName(table)!)} = {sql.GenerateParameterNamePlaceholder(name)}";
        }

        var setList = string.Join(", ", set.Select(Assign));
        var whereList = string.Join(" AND ", where.Select(Assign));
        builder.Append($"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {setList} WHERE {whereList}");
        return builder.Build();
    }

    private static (IEntityType Type, StoreObjectIdentifier Table, ISqlGenerationHelper Sql) Mapping(DbContext db, Type entity)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        return (type, table, db.GetService<ISqlGenerationHelper>());
    }

    internal static IProperty Property(IEntityType type, string name) =>
        type.FindProperty(name) ?? throw new InvalidOperationException($"{type.DisplayName()} has no property {name}.");
}
