using InnovationCases.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InnovationCases.Bench;

/// <summary>
/// Inserts generated rows fast through one prepared command per table, with the column names and
/// value conversions read from the app's EF model, so the schema is the app's own. The same on
/// SQLite and PostgreSQL; on PostgreSQL explicit keys move the table's identity past them.
/// </summary>
internal static class BulkInsert
{
    public static async Task RunAsync<T>(AppDbContext db, IEnumerable<T> rows, bool withGeneratedKeys = false) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name);
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, null);
        var props = entity.GetProperties()
            .Where(p => !p.IsShadowProperty() && p.GetColumnName(table) is not null)
            .Where(p => withGeneratedKeys || !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .ToList();
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open)
        {
            await conn.OpenAsync();
        }

        await using var tx = await conn.BeginTransactionAsync();
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(",", props.Select(p => $"\"{p.GetColumnName(table)}\""))}) " +
                          $"VALUES ({string.Join(",", props.Select((_, i) => "@p" + i))})";
        var parameters = props.Select((_, i) =>
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = "p" + i;
            cmd.Parameters.Add(parameter);
            return parameter;
        }).ToList();
        var prepared = false;
        foreach (var row in rows)
        {
            for (var i = 0; i < props.Count; i++)
            {
                var value = props[i].PropertyInfo!.GetValue(row);
                var converter = props[i].GetTypeMapping().Converter;
                parameters[i].Value = (value is null ? null : converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
            }

            if (!prepared && conn is Microsoft.Data.Sqlite.SqliteConnection)
            {
                // SQLite: one compiled statement for every row. Npgsql would fix the types from the first row's nulls.
                await cmd.PrepareAsync();
                prepared = true;
            }

            await cmd.ExecuteNonQueryAsync();
        }

        if (withGeneratedKeys && db.Database.IsNpgsql() && entity.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key])
        {
            await using var identity = conn.CreateCommand();
            identity.Transaction = tx;
            var column = key.GetColumnName(table);
            identity.CommandText = $"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', '{column}'), (SELECT MAX(\"{column}\") FROM \"{table.Name}\"))";
            await identity.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
    }
}
