using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Features.Notifications;
using InnovationCases.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Data;

/// <summary>
/// On SQLite the notifications live in a file of their own with its own write lock
/// (<see cref="NotificationsFile"/>): the app sees one database, a move is not held up by a
/// notifications write, and a database from before the split keeps its notifications.
/// </summary>
public sealed class NotificationsFileTests : IDisposable
{
    private readonly string _folder = TestApp.NewFolder();

    [Fact]
    public async Task The_notifications_tables_are_in_their_own_file_beside_the_cases_file_and_both_files_keep_a_write_ahead_log()
    {
        using var app = new TestApp(demoData: false, folder: _folder);
        await using (await app.DbAsync())
        {
        }

        var notifications = NotificationsFile.PathFor(app.DatabasePath);
        Assert.Equal(Path.Combine(_folder, "cases.notifications.db"), notifications);
        Assert.Equal(["NotificationBodies", "Outbox"], await TablesAsync(notifications, "Outbox", "NotificationBodies", "Cases"));
        Assert.Equal(["Cases"], await TablesAsync(app.DatabasePath, "Outbox", "NotificationBodies", "Cases"));
        Assert.Equal("wal", await ScalarAsync(notifications, "PRAGMA journal_mode"));
        Assert.Equal("wal", await ScalarAsync(app.DatabasePath, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task A_move_commits_while_a_notifications_write_holds_the_notifications_file_and_neither_write_is_lost()
    {
        using var app = new TestApp(demoData: true, folder: _folder);
        app.Settings["Notifications:FanOutInBackground"] = "false";
        var c = await Arrange.CaseAsync(app, Stage.Submitted, leadCode: "MBU");
        var writer = app.AppServices.GetRequiredService<DbWriter>();
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var body = NotificationBody.From(new MailContent("Emne", "Tekst", "<p>Tekst</p>", "Linje", "Detalje", "cases/x"));

        // A notifications write that has written (so holds the file's write lock) and waits.
        var held = writer.WriteAsync(DbFiles.Notifications, async db =>
        {
            db.NotificationBodies.Add(body);
            await db.SaveChangesAsync();
            holding.TrySetResult();
            await release.Task;
            return 0;
        });
        await holding.Task;

        var move = MailTestApp.ScreenAsync(app, c);
        // With one file the move would wait for the held write (up to the 30-second busy timeout) and
        // then fail; with its own file it is done while the other still holds.
        Assert.Same(move, await Task.WhenAny(move, Task.Delay(TimeSpan.FromSeconds(25))));
        await move;
        Assert.False(held.IsCompleted);

        release.SetResult();
        await held;
        await using var db = await app.DbAsync();
        Assert.Equal(Stage.Screened, (await db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id)).Stage);
        Assert.True(await db.NotificationBodies.AnyAsync(b => b.Id == body.Id));
        Assert.Single(await db.PendingFanOuts.Where(f => f.Event!.CaseId == c.Id).ToListAsync());
    }

    [Fact]
    public async Task The_apps_contexts_read_the_notifications_joined_with_the_cases_across_the_two_files()
    {
        using var app = new TestApp(demoData: true, folder: _folder);
        app.Settings["Notifications:FanOutInBackground"] = "false";
        var c = await Arrange.CaseAsync(app, Stage.Submitted, leadCode: "MBU");
        await MailTestApp.ScreenAsync(app, c);
        await app.AppServices.GetRequiredService<NotificationFanOut>().RunAsync();

        await using var db = await app.DbAsync();
        var joined = await db.Outbox.Where(m => m.CaseId == c.Id).Join(db.Cases, m => m.CaseId, x => x.Id, (m, x) => new { m.Body!.Subject, x.Title }).ToListAsync();
        Assert.NotEmpty(joined);
        Assert.All(joined, j => Assert.Contains(j.Title, j.Subject));
    }

    [Fact]
    public async Task A_database_from_before_the_split_keeps_its_notifications_with_their_ids_in_the_new_file_and_the_cases_file_drops_them()
    {
        Directory.CreateDirectory(_folder);
        var cases = Path.Combine(_folder, "cases.db");
        await using (var old = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={cases}").Options))
        {
            // The migrations up to the one before the split: Outbox and NotificationBodies in this file.
            await old.GetService<IMigrator>().MigrateAsync("20261202183659_PendingStageDays");
            await old.Database.ExecuteSqlRawAsync("""
                INSERT INTO "NotificationBodies" ("Id", "Subject", "Detail", "TextBody", "HtmlBody", "DigestLine", "LinkPath")
                VALUES ('gammel-tekst', 'Gammelt emne', 'Detalje', 'Tekst', '<p>Tekst</p>', 'Linje', 'cases/INNO-2026-0001');
                INSERT INTO "Outbox" ("Id", "RecipientUserId", "RecipientEmail", "Kind", "BodyId", "Status", "CreatedAt", "Attempts", "NextAttemptAt", "ReadAt")
                VALUES (41, 'u1', 'a@aarhus.example', 'CaseMoved', 'gammel-tekst', 'Sent', '2026-11-30 10:00:00', 1, '2026-11-30 10:00:00', '2026-11-30 11:00:00'),
                       (42, 'u2', NULL, 'CaseMoved', 'gammel-tekst', 'InAppOnly', '2026-11-30 10:00:00', 0, '2026-11-30 10:00:00', NULL);
                """);
        }

        SqliteConnection.ClearAllPools();
        using (var app = new TestApp(demoData: false, folder: _folder))
        {
            await using var db = await app.DbAsync();
            var rows = await db.Outbox.AsNoTracking().Include(m => m.Body).OrderBy(m => m.Id).ToListAsync();
            Assert.Equal([41L, 42L], rows.Select(r => r.Id));
            Assert.All(rows, r => Assert.Equal("Gammelt emne", r.Body!.Subject));
            Assert.Equal([OutboxStatus.Sent, OutboxStatus.InAppOnly], rows.Select(r => r.Status));
            Assert.NotNull(rows[0].ReadAt);

            // New rows continue after the copied ids.
            var body = NotificationBody.From(new MailContent("Ny", "Tekst", "<p>Tekst</p>", "Linje", "Detalje", "cases/y"));
            await app.AppServices.GetRequiredService<DbWriter>().WriteAsync(DbFiles.Notifications, async w =>
            {
                w.Outbox.Add(Outbox.Row("u3", null, NotificationKind.CaseMoved, null, null, body, DateTime.UtcNow, NotificationDelivery.Off));
                return await w.SaveChangesAsync();
            });
            Assert.True(await db.Outbox.MaxAsync(m => m.Id) > 42);
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(["Cases"], await TablesAsync(cases, "Outbox", "NotificationBodies", "Cases"));
    }

    private static async Task<List<string>> TablesAsync(string file, params string[] names)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ({string.Join(", ", names.Select(n => $"'{n}'"))}) ORDER BY name";
        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    private static async Task<string?> ScalarAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
    }
}
