using InnovationCases.Tests.Features.Notifications;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Data.Postgres;

/// <summary>Live case changes between two instances on one PostgreSQL database (LISTEN/NOTIFY).</summary>
public sealed class PostgresChangeFeedTests
{
    [Fact]
    public async Task A_change_committed_on_one_instance_reaches_the_other_once_and_its_own_pages_once()
    {
        using var database = await PgDatabase.CreateAsync();
        var c = await database.CaseAsync();
        await using var a = await PgInstance.StartAsync(database.ConnectionString);
        await using var b = await PgInstance.StartAsync(database.ConnectionString);

        Assert.True(await a.EditAsync(c.Id, database.Caseworker, "første"));
        Assert.True(await a.EditAsync(c.Id, database.Caseworker, "anden"));

        await Eventually.WaitAsync(() => b.Received.Count >= 2, "both changes on the other instance");
        Assert.Equal(["første", "anden"], b.Received.Select(x => x.Note));
        var first = b.Received[0];
        Assert.Equal(c.Id, first.CaseId);
        Assert.Equal(c.CaseNumber, first.CaseNumber);
        Assert.Equal(database.DepartmentId, first.Parties.LeadDepartmentId);
        Assert.True(first.EventId > 0);
        // The sender's own notification comes back to its listener too, and is skipped: one publish per change.
        await Eventually.WaitAsync(() => b.Received.Count >= 2 && a.Received.Count >= 2, "the sender's own publishes");
        await a.EditAsync(c.Id, database.Caseworker, "tredje");
        await Eventually.WaitAsync(() => b.Received.Count == 3, "the third change on the other instance");
        Assert.Equal(["første", "anden", "tredje"], a.Received.Select(x => x.Note));
        Assert.Equal(3, b.Received.Select(x => x.EventId).Distinct().Count());
    }

    [Fact]
    public async Task A_notification_sent_in_a_rolled_back_transaction_reaches_nobody()
    {
        using var database = await PgDatabase.CreateAsync();
        var c = await database.CaseAsync();
        await using var a = await PgInstance.StartAsync(database.ConnectionString);
        await using var b = await PgInstance.StartAsync(database.ConnectionString);
        var change = (await a.Feed.ReadAsync([await a.Feed.WatermarkAsync(default)], default)).Single();

        await using (var db = database.Open())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await a.Feed.SendAsync(db, [change with { Note = "rullet tilbage", EventId = 1_000_001 }], default);
            await tx.RollbackAsync();
        }

        await using (var db = database.Open())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await a.Feed.SendAsync(db, [change with { Note = "gemt", EventId = 1_000_002 }], default);
            await tx.CommitAsync();
        }

        // Notifications arrive in commit order: once the committed one is here, the rolled-back one would have been too.
        await Eventually.WaitAsync(() => b.Received.Count >= 1, "the committed change");
        Assert.Equal("gemt", Assert.Single(b.Received).Note);
        Assert.Equal(c.Id, b.Received[0].CaseId);
    }

    [Fact]
    public async Task A_change_too_big_for_a_notification_is_read_from_its_event_row()
    {
        using var database = await PgDatabase.CreateAsync();
        var c = await database.CaseAsync();
        await using var a = await PgInstance.StartAsync(database.ConnectionString);
        await using var b = await PgInstance.StartAsync(database.ConnectionString);
        var note = string.Concat(Enumerable.Repeat("Ærø ", 2500));

        Assert.True(await a.EditAsync(c.Id, database.Caseworker, note));

        await Eventually.WaitAsync(() => b.Received.Count >= 1, "the big change on the other instance");
        var received = Assert.Single(b.Received);
        Assert.Equal(note, received.Note);
        Assert.Equal(c.CaseNumber, received.CaseNumber);
    }

    [Fact]
    public async Task A_terminated_listener_reconnects_and_the_next_change_still_arrives()
    {
        using var database = await PgDatabase.CreateAsync();
        var c = await database.CaseAsync();
        await using var a = await PgInstance.StartAsync(database.ConnectionString);
        await using var b = await PgInstance.StartAsync(database.ConnectionString);

        PostgresServer.Shared.Execute($"SELECT pg_terminate_backend({b.Listener.ProcessId})");
        await Eventually.WaitAsync(() => b.Listener.Connections >= 2, "the listener to reconnect");
        Assert.True(await a.EditAsync(c.Id, database.Caseworker, "efter genforbindelse"));

        await Eventually.WaitAsync(() => b.Received.Count >= 1, "the change after the reconnect");
        Assert.Equal("efter genforbindelse", Assert.Single(b.Received).Note);
    }

    [Fact]
    public async Task Changes_committed_while_the_listener_is_away_are_published_once_when_it_is_back()
    {
        using var database = await PgDatabase.CreateAsync();
        var moved = await database.CaseAsync();
        var untouched = await database.CaseAsync();
        await using var a = await PgInstance.StartAsync(database.ConnectionString);
        await using var b = await PgInstance.StartAsync(database.ConnectionString);
        var name = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        // A warms its pool, so it can still write while the database takes no new connections.
        Assert.True(await a.EditAsync(moved.Id, database.Caseworker, "før"));
        await Eventually.WaitAsync(() => b.Received.Count == 1, "the first change");

        PostgresServer.Shared.Execute($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false");
        try
        {
            PostgresServer.Shared.Execute($"SELECT pg_terminate_backend({b.Listener.ProcessId})");
            await Eventually.WaitAsync(() => b.Listener.ProcessId == 0, "the listener to notice");
            Assert.True(await a.EditAsync(moved.Id, database.Caseworker, "mens den var væk 1"));
            Assert.True(await a.EditAsync(moved.Id, database.Caseworker, "mens den var væk 2"));
        }
        finally
        {
            PostgresServer.Shared.Execute($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS true");
        }

        await Eventually.WaitAsync(() => b.Listener.Connections >= 2 && b.Received.Count >= 2, "the replay after the reconnect");
        // The newest change of each case changed meanwhile, once: enough for a board, a dashboard or a list to reload.
        Assert.Equal(["før", "mens den var væk 2"], b.Received.Select(x => x.Note));
        Assert.DoesNotContain(b.Received, x => x.CaseId == untouched.Id);
        Assert.True(await a.EditAsync(moved.Id, database.Caseworker, "bagefter"));
        await Eventually.WaitAsync(() => b.Received.Count >= 3, "the next change");
        Assert.Equal("bagefter", b.Received[^1].Note);
        Assert.Equal(3, b.Received.Count);
    }
}
