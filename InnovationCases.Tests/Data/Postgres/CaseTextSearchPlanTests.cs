using System.Data.Common;
using InnovationCases.Data;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Data.Postgres;

/// <summary>
/// The free text on PostgreSQL builds the very expression its GIN index is over, so the planner can
/// use the index (B6c): if the query and the migration's expression drift apart, this fails.
/// </summary>
public sealed class CaseTextSearchPlanTests
{
    [Fact]
    public async Task Free_text_on_PostgreSQL_is_answered_from_the_joined_trigram_index()
    {
        using var app = new TestApp(provider: DatabaseProvider.Postgres);
        await using var db = await app.DbAsync();
        await using var command = CaseTextSearch.Matching(db, "projekt 4711").CreateDbCommand();
        await db.Database.OpenConnectionAsync();

        // The demo data is small enough for a seq scan to win; forbid it to see whether the index fits.
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        command.CommandText = "EXPLAIN " + command.CommandText;
        var plan = new List<string>();
        await using (DbDataReader reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, line => line.Contains(CaseTextSearch.JoinedIndex, StringComparison.Ordinal));
    }
}
