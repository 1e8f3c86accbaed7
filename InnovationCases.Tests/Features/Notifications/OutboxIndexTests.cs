using System.Data.Common;
using InnovationCases.Data;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Features.Notifications;

/// <summary>
/// The fan-out pays for every outbox index on each row it writes (benchmark B9b), so each index is
/// there for a query, and the partial ones hold only the rows their query looks for. SQLite uses a
/// partial index only when it can prove the query's condition implies the index's filter: its plans
/// show that each query still finds its index.
/// </summary>
public sealed class OutboxIndexTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    [Fact]
    public async Task The_dispatcher_the_digest_the_admin_page_and_the_inbox_each_use_an_outbox_index()
    {
        await using var db = await fixture.App.DbAsync();
        var now = DateTime.UtcNow;
        var token = NotificationBody.NewId();
        var user = "bruger";

        Assert.Contains("IX_Outbox_Status_NextAttemptAt", await PlanAsync(db, db.Outbox.Where(OutboxDispatcher.Claimable(now)).OrderBy(m => m.Id).Take(100).Select(m => m.Id)));
        Assert.Contains("IX_Outbox_ClaimToken", await PlanAsync(db, db.Outbox.Where(m => m.ClaimToken == token && m.Status == OutboxStatus.Sending).OrderBy(m => m.Id)));
        Assert.Contains("IX_Outbox_Status_NextAttemptAt", await PlanAsync(db, db.Outbox.Where(m => m.Status == OutboxStatus.AwaitingDigest).OrderBy(m => m.Id)));
        Assert.Contains("IX_Outbox_Status_NextAttemptAt", await PlanAsync(db, db.Outbox.Where(m => m.Status == OutboxStatus.Parked).OrderByDescending(m => m.Id).Take(500)));
        Assert.Contains("IX_Outbox_RecipientUserId_Id", await PlanAsync(db, db.Outbox.Where(m => m.RecipientUserId == user && m.ReadAt == null)));
        Assert.Contains("IX_Outbox_RecipientUserId_Id", await PlanAsync(db, db.Outbox.Where(m => m.RecipientUserId == user).OrderByDescending(m => m.Id).Take(20)));
        var key = OutboxMessage.ReminderKey(user, NotificationKind.StaleCases, null, new DateOnly(2026, 12, 2));
        Assert.Contains("IX_Outbox_Key", await PlanAsync(db, db.Outbox.Where(m => m.Key == key)));
    }

    /// <summary>SQLite's plan for the query EF Core generates, with its parameters bound as EF binds them (text).</summary>
    private static async Task<string> PlanAsync<T>(AppDbContext db, IQueryable<T> query)
    {
        var lines = query.ToQueryString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
        foreach (var p in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = p[".param set ".Length..].Split(' ', 2);
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[0];
            parameter.Value = parts[1] is "NULL" ? DBNull.Value : parts[1].Trim('\'');
            command.Parameters.Add(parameter);
        }

        var plan = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join(" | ", plan);
    }
}
