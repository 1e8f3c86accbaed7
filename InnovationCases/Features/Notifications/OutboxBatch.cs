using System.Data.Common;
using System.Text;
using InnovationCases.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// Inserts a change's notification texts and rows with one multi-row INSERT per table, inside the
/// change's transaction. EF Core on SQLite sends one statement per row; a move notifying five
/// people would pay six round trips on the single writer (benchmark B9b). Table and column names
/// and parameter conversions come from the EF model, so the statement follows the mapping on any
/// provider. The rows are not tracked: nothing in the change reads them back.
/// </summary>
public static class OutboxBatch
{
    // SQLite allows 32,766 parameters per statement; rows are cut into chunks well below that.
    private const int MaxParameters = 900;

    public static async Task InsertAsync(AppDbContext db, IReadOnlyList<NotificationBody> bodies, IReadOnlyList<OutboxMessage> rows, CancellationToken ct)
    {
        await InsertAsync(db, bodies, ct);
        await InsertAsync(db, rows, ct);
    }

    private static async Task InsertAsync<T>(AppDbContext db, IReadOnlyList<T> items, CancellationToken ct)
        where T : class
    {
        if (items.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never || !p.IsPrimaryKey())
            .Where(p => p.GetColumnName(table) is not null).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        var perStatement = Math.Max(1, MaxParameters / columns.Count);
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var chunk in items.Chunk(perStatement))
        {
            var text = new StringBuilder(head);
            var parameters = new List<DbParameter>(chunk.Length * columns.Count);
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = sql.GenerateParameterName($"p{parameters.Count}");
                    var mapping = (RelationalTypeMapping)columns[c].GetRelationalTypeMapping();
                    parameters.Add(mapping.CreateParameter(factory, name, columns[c].GetGetter().GetClrValue(chunk[r]), columns[c].IsNullable));
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder($"p{parameters.Count - 1}"));
                }

                text.Append(')');
            }

            await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, ct);
        }
    }
}
