using InnovationCases.Domain;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Features.Notifications;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InnovationCases.Tests.Data.Postgres;

/// <summary>The daily run on two instances of one PostgreSQL database: each reminder and digest made once.</summary>
public sealed class TwoInstanceSchedulerTests
{
    [Fact]
    public async Task Two_instances_running_the_day_at_once_create_each_reminder_and_digest_once()
    {
        using var database = await PgDatabase.CreateAsync();
        await database.AddCaseworkersAsync(15);
        await database.CaseAsync(daysAgo: 100);
        await database.CaseAsync(daysAgo: 120);
        await using var a = await PgInstance.StartAsync(database.ConnectionString);
        await using var b = await PgInstance.StartAsync(database.ConnectionString);
        var now = DateTime.UtcNow;

        var created = await Task.WhenAll(Task.Run(() => a.Scheduler.RunAsync(now)), Task.Run(() => b.Scheduler.RunAsync(now)));

        await using var db = database.Open();
        var rows = await db.Outbox.Select(m => new { m.Key, m.Kind, m.Status }).ToListAsync();
        Assert.Equal(16, rows.Count(r => r.Kind == NotificationKind.StaleCases));
        Assert.Equal(16, rows.Count(r => r.Kind == NotificationKind.Digest));
        Assert.All(rows.GroupBy(r => r.Key), g => Assert.Single(g));
        Assert.All(rows.Where(r => r.Kind == NotificationKind.StaleCases), r => Assert.Equal(OutboxStatus.Digested, r.Status));
        Assert.Equal(rows.Count, created.Sum());
        Assert.Equal(0, await a.Scheduler.RunAsync(now));
    }

    [Fact]
    public async Task A_run_that_collides_with_another_instances_row_is_rerun_and_does_not_make_it_again()
    {
        using var database = await PgDatabase.CreateAsync();
        await database.CaseAsync(daysAgo: 100);
        await using var b = await PgInstance.StartAsync(database.ConnectionString);
        var now = DateTime.UtcNow;
        var key = OutboxMessage.ReminderKey(database.Caseworker.UserId, NotificationKind.StaleCases, null, DanishTime.Today(now));

        // "Instance A" has written the caseworker's reminder and not yet committed when B's run starts.
        await using var held = database.Open();
        await using var tx = await held.Database.BeginTransactionAsync();
        held.Outbox.Add(Outbox.Row(database.Caseworker.UserId, "sb@aarhus.example", NotificationKind.StaleCases, null,
            NotificationBody.From(new MailContent("Fra instans A", "tekst", "<p>tekst</p>", "linje", "tekst", "my-cases")), now, NotificationDelivery.DailyDigest, key));
        await held.SaveChangesAsync();
        var run = Task.Run(() => b.Scheduler.RunAsync(now));
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        await Eventually.WaitAsync(async () =>
        {
            await using var admin = new NpgsqlConnection(PostgresServer.Shared.ConnectionString());
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @d AND wait_event_type = 'Lock'", admin);
            cmd.Parameters.AddWithValue("d", name!);
            return (long)(await cmd.ExecuteScalarAsync())! > 0;
        }, "B's insert to wait for A's uncommitted row");
        await tx.CommitAsync();

        var created = await run;

        await using var db = database.Open();
        var stale = Assert.Single(await db.Outbox.Include(m => m.Body).Where(m => m.Key == key).ToListAsync());
        Assert.Equal("Fra instans A", stale.Body!.Subject);
        Assert.Equal(OutboxStatus.Digested, stale.Status);
        Assert.Single(await db.Outbox.Where(m => m.Kind == NotificationKind.Digest).ToListAsync());
        Assert.Equal(1, created);
    }
}
