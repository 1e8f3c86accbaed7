using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace InnovationCases.Data;

/// <summary>
/// <c>copy-to-postgres &lt;connection string&gt;</c>: moves a SQLite database to an empty PostgreSQL
/// database, which it migrates first. Every table of the model is copied row by row with its keys,
/// in one transaction, parents before children; identity sequences are moved past the copied keys,
/// and every table's count is compared before the commit, so the target ends up a full copy or
/// untouched. The SQLite file is only read.
/// </summary>
public static class CopyToPostgres
{
    public const string Command = "copy-to-postgres";

    public static async Task<int> RunAsync(string sqliteConnectionString, string postgresConnectionString, TextWriter output, CancellationToken ct = default)
    {
        var sourceOptions = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(sqliteConnectionString).Options;
        await using (var source = new AppDbContext(sourceOptions))
        {
            await using var notifications = new NotificationsDbContext(NotificationsDbContext.Options(NotificationsFile.ConnectionStringFor(sqliteConnectionString)));
            if ((await source.Database.GetPendingMigrationsAsync(ct)).Any() || (await notifications.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                await output.WriteLineAsync("The SQLite database has migrations that are not applied yet: start the app on it once, then copy.");
                return 1;
            }
        }

        var targetOptions = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(postgresConnectionString).Options;
        await using var target = new PostgresAppDbContext(targetOptions);
        await DatabaseMigrations.MigrateAsync(target.Database, ct);
        var tables = InsertOrder(target.Model.GetRelationalModel().Tables.ToList());

        await using var pg = new NpgsqlConnection(postgresConnectionString);
        await pg.OpenAsync(ct);
        await using var sqlite = new SqliteConnection(sqliteConnectionString);
        await sqlite.OpenAsync(ct);
        await using (var attach = NotificationsFile.AttachCommand(sqlite))
        {
            // The notifications' tables are in their own file beside it (NotificationsFile).
            await attach.ExecuteNonQueryAsync(ct);
        }

        await using var tx = await pg.BeginTransactionAsync(ct);

        foreach (var table in tables)
        {
            if (await CountAsync(pg, table.Name, ct) != 0)
            {
                await output.WriteLineAsync($"The PostgreSQL database is not empty (table {table.Name} has rows): copy only into a new, empty database.");
                return 1;
            }
        }

        var mismatches = new List<string>();
        foreach (var table in tables)
        {
            var copied = await CopyTableAsync(sqlite, pg, table, ct);
            var expected = await CountAsync(sqlite, table.Name, ct);
            var actual = await CountAsync(pg, table.Name, ct);
            if (expected != actual || copied != expected)
            {
                mismatches.Add($"{table.Name}: {expected} in SQLite, {actual} in PostgreSQL");
            }

            await output.WriteLineAsync($"{table.Name}: {actual} rows");
        }

        if (mismatches.Count > 0)
        {
            await tx.RollbackAsync(ct);
            await output.WriteLineAsync("Counts differ, nothing was copied: " + string.Join("; ", mismatches));
            return 1;
        }

        await ResetIdentitySequencesAsync(pg, ct);
        await tx.CommitAsync(ct);
        await output.WriteLineAsync($"Copied {tables.Count} tables; every count matches.");
        return 0;
    }

    /// <summary>Parents before children, so every foreign key is satisfied as rows arrive.</summary>
    private static List<ITable> InsertOrder(List<ITable> tables)
    {
        var ordered = new List<ITable>();
        var done = new HashSet<ITable>();
        void Visit(ITable t, HashSet<ITable> path)
        {
            if (done.Contains(t) || !path.Add(t))
            {
                return;
            }

            foreach (var fk in t.ForeignKeyConstraints.Where(f => f.PrincipalTable != t))
            {
                Visit(fk.PrincipalTable, path);
            }

            done.Add(t);
            ordered.Add(t);
        }

        foreach (var table in tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            Visit(table, []);
        }

        return ordered;
    }

    private static async Task<long> CopyTableAsync(SqliteConnection sqlite, NpgsqlConnection pg, ITable table, CancellationToken ct)
    {
        var columns = table.Columns.ToList();
        var list = string.Join(", ", columns.Select(c => Quote(c.Name)));
        var key = table.PrimaryKey is { } pk ? " ORDER BY " + string.Join(", ", pk.Columns.Select(c => Quote(c.Name))) : "";
        await using var read = sqlite.CreateCommand();
        read.CommandText = $"SELECT {list} FROM {Quote(table.Name)}{key}";
        await using var reader = await read.ExecuteReaderAsync(ct);

        await using var writer = await pg.BeginBinaryImportAsync($"COPY {Quote(table.Name)} ({list}) FROM STDIN (FORMAT BINARY)", ct);
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                if (await reader.IsDBNullAsync(i, ct))
                {
                    await writer.WriteNullAsync(ct);
                    continue;
                }

                await WriteAsync(writer, reader.GetValue(i), columns[i], ct);
            }

            rows++;
        }

        await writer.CompleteAsync(ct);
        return rows;
    }

    /// <summary>SQLite keeps instants, dates, decimals and GUIDs as text: each becomes the column's own type.</summary>
    private static Task WriteAsync(NpgsqlBinaryImporter writer, object value, IColumn column, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(column.ProviderClrType) ?? column.ProviderClrType;
        var inv = CultureInfo.InvariantCulture;
        return type switch
        {
            _ when type == typeof(string) => writer.WriteAsync(Convert.ToString(value, inv)!, ct),
            _ when type == typeof(long) => writer.WriteAsync(Convert.ToInt64(value, inv), ct),
            _ when type == typeof(int) => writer.WriteAsync(Convert.ToInt32(value, inv), ct),
            _ when type == typeof(short) => writer.WriteAsync(Convert.ToInt16(value, inv), ct),
            _ when type == typeof(bool) => writer.WriteAsync(Convert.ToInt64(value, inv) != 0, ct),
            _ when type == typeof(double) => writer.WriteAsync(Convert.ToDouble(value, inv), ct),
            _ when type == typeof(decimal) => writer.WriteAsync(value is string s ? decimal.Parse(s, NumberStyles.Float, inv) : Convert.ToDecimal(value, inv), ct),
            _ when type == typeof(DateTime) => writer.WriteAsync(
                DateTime.Parse((string)value, inv, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), ct),
            _ when type == typeof(DateTimeOffset) => writer.WriteAsync(DateTimeOffset.Parse((string)value, inv).ToUniversalTime(), ct),
            _ when type == typeof(DateOnly) => writer.WriteAsync(DateOnly.Parse((string)value, inv), ct),
            _ when type == typeof(TimeOnly) => writer.WriteAsync(TimeOnly.Parse((string)value, inv), ct),
            _ when type == typeof(TimeSpan) => writer.WriteAsync(TimeSpan.Parse((string)value, inv), ct),
            _ when type == typeof(Guid) => writer.WriteAsync(Guid.Parse((string)value), ct),
            _ when type == typeof(byte[]) => writer.WriteAsync((byte[])value, ct),
            // A primitive collection: JSON text in SQLite, an array column in PostgreSQL.
            _ when ElementOf(type) == typeof(string) => writer.WriteAsync(
                JsonSerializer.Deserialize<string[]>((string)value) ?? [], NpgsqlDbType.Array | NpgsqlDbType.Text, ct),
            _ when ElementOf(type) == typeof(int) => writer.WriteAsync(
                JsonSerializer.Deserialize<int[]>((string)value) ?? [], NpgsqlDbType.Array | NpgsqlDbType.Integer, ct),
            _ => throw new NotSupportedException($"Column {column.Table.Name}.{column.Name} has a type the copy does not know: {type}."),
        };
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(type) ? element
        : null;

    /// <summary>Rows came with their keys: the next generated key must follow the largest copied one.</summary>
    private static async Task ResetIdentitySequencesAsync(NpgsqlConnection pg, CancellationToken ct)
    {
        var identities = new List<(string Table, string Column)>();
        await using (var find = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'", pg))
        await using (var reader = await find.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                identities.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in identities)
        {
            await using var reset = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE(MAX({Quote(column)}), 0) + 1, false) FROM {Quote(table)}", pg);
            reset.Parameters.AddWithValue("table", Quote(table));
            reset.Parameters.AddWithValue("column", column);
            await reset.ExecuteScalarAsync(ct);
        }
    }

    private static async Task<long> CountAsync(System.Data.Common.DbConnection connection, string table, CancellationToken ct)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM {Quote(table)}";
        return Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
