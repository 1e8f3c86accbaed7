using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Moves;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Data;

public sealed class DatabaseBackupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ic-backup-").FullName;

    [Fact]
    public async Task A_backup_taken_during_a_burst_of_moves_restores_intact_with_every_version_matching_its_events()
    {
        using var app = new TestApp(demoData: true);
        // The log is copied into the file all through the burst and the backup (WalCheckpointer).
        app.Settings["Database:CheckpointMilliseconds"] = "10";
        var caseworker = await app.ActorAsync(DemoUsers.Caseworker);
        var cases = new List<InnovationCase>();
        for (var i = 0; i < 6; i++)
        {
            cases.Add(await Arrange.CaseAsync(app, Stage.Submitted, leadCode: "MTM"));
        }

        var workflow = app.AppServices.GetRequiredService<CaseWorkflowService>();
        var firstMoves = new TaskCompletionSource();
        var stop = new CancellationTokenSource();
        var writers = cases.Select(c => Task.Run(async () =>
        {
            var version = c.Version;
            for (var m = 0; !stop.IsCancellationRequested && m < 2000; m++)
            {
                MoveData data = m % 2 == 0 ? new ScreenData() : new SendBackData("Igen.");
                version = Assert.IsType<MoveResult.Moved>(await workflow.FireAsync(c.CaseNumber, data, caseworker, version)).Version;
                firstMoves.TrySetResult();
            }

            return version;
        })).ToList();

        await firstMoves.Task;
        var backup = Path.Combine(_folder, "backup.db");
        var output = new StringWriter();
        var backedUp = await DatabaseBackup.BackupAsync(ConnectionTo(app.DatabasePath), backup, output);
        await stop.CancelAsync();
        var finalVersions = await Task.WhenAll(writers);

        Assert.Equal(0, backedUp);
        var restored = Path.Combine(_folder, "restored.db");
        Assert.Equal(0, await DatabaseBackup.RestoreAsync(ConnectionTo(restored), backup, output));
        Assert.Equal("ok", await DatabaseBackup.IntegrityCheckAsync(restored));
        var versions = await MovedVersionsAsync(restored, cases);
        Assert.All(versions, v => Assert.Equal(v.Moves, v.Version));
        // The snapshot lies inside the burst: after its first move, before the writers were stopped.
        Assert.Contains(versions, v => v.Version > 0);
        Assert.True(versions.Sum(v => v.Version) <= finalVersions.Sum());
    }

    [Fact]
    public async Task Restore_refuses_while_the_app_runs_on_the_database()
    {
        using var app = new TestApp(demoData: false);
        await using (await app.DbAsync())
        {
        }

        var backup = Path.Combine(_folder, "backup.db");
        Assert.Equal(0, await DatabaseBackup.BackupAsync(ConnectionTo(app.DatabasePath), backup, new StringWriter()));
        var output = new StringWriter();

        var exit = await DatabaseBackup.RestoreAsync(ConnectionTo(app.DatabasePath), backup, output);

        Assert.Equal(1, exit);
        Assert.Contains("The app is running on this database", output.ToString());
    }

    [Fact]
    public async Task The_notifications_file_is_backed_up_beside_the_backup_and_restored_with_it()
    {
        using var app = new TestApp(demoData: false);
        var body = NotificationBody.From(new MailContent("Emne i backup", "Tekst", "<p>Tekst</p>", "Linje", "Detalje", "cases/x"));
        await app.AppServices.GetRequiredService<DbWriter>().WriteAsync(DbFiles.Notifications, async db =>
        {
            db.Outbox.Add(Outbox.Row("u1", "a@aarhus.example", NotificationKind.CaseMoved, null, null, body, DateTime.UtcNow, NotificationDelivery.Immediately));
            return await db.SaveChangesAsync();
        });
        var backup = Path.Combine(_folder, "backup.db");
        Assert.Equal(0, await DatabaseBackup.BackupAsync(ConnectionTo(app.DatabasePath), backup, new StringWriter()));
        Assert.True(File.Exists(Path.Combine(_folder, "backup.notifications.db")));

        var target = Path.Combine(_folder, "restored.db");
        var output = new StringWriter();
        Assert.Equal(0, await DatabaseBackup.RestoreAsync(ConnectionTo(target), backup, output));

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "restored.notifications.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT b.Subject FROM Outbox o JOIN NotificationBodies b ON b.Id = o.BodyId";
        Assert.Equal("Emne i backup", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_fails_the_integrity_check_and_leaves_the_database_alone()
    {
        var target = Path.Combine(_folder, "cases.db");
        await File.WriteAllTextAsync(target, "");
        var broken = Path.Combine(_folder, "broken.db");
        await File.WriteAllBytesAsync(broken, [.. Enumerable.Repeat((byte)0x42, 8192)]);
        var output = new StringWriter();

        var exit = await DatabaseBackup.RestoreAsync(ConnectionTo(target), broken, output);

        Assert.Equal(1, exit);
        Assert.Contains("failed its integrity check and was not restored", output.ToString());
        Assert.Equal(0, new FileInfo(target).Length);
    }

    private static string ConnectionTo(string file) => $"Data Source={file}";

    private static async Task<List<(int Version, int Moves)>> MovedVersionsAsync(string file, IEnumerable<InnovationCase> cases)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var result = new List<(int, int)>();
        foreach (var c in cases)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT c.Version, (SELECT COUNT(*) FROM CaseEvents e WHERE e.CaseId = c.Id AND e.Kind = 'Moved')
                FROM Cases c WHERE c.CaseNumber = $number
                """;
            command.Parameters.AddWithValue("$number", c.CaseNumber);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            result.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }

        return result;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
