using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Moves;
using InnovationCases.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Data;

/// <summary>
/// The WAL is copied back into the database file by <see cref="WalCheckpointer"/>, not by the writers;
/// the writers' own checkpoint is kept as a backstop. "In the file" is checked on a copy of the
/// database file alone, without its log: what is there was checkpointed.
/// </summary>
public sealed class WalCheckpointerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ic-wal-").FullName;

    [Fact]
    public async Task The_service_copies_a_committed_move_into_the_database_file_with_no_write_after_it()
    {
        using var app = Quiet(new TestApp(demoData: true), checkpointMs: 50);
        var (c, version) = await MovedCaseAsync(app);

        // Nothing writes after the move; only the service can bring its event into the file.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await MovesInFileAloneAsync(app, c) != 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "The move's event never reached the database file.");
            await Task.Delay(50);
        }

        Assert.Equal(version, await VersionInFileAloneAsync(app, c));
    }

    [Fact]
    public async Task Stopping_the_service_checkpoints_what_was_committed()
    {
        // An interval no test reaches: only the stop can checkpoint.
        using var app = Quiet(new TestApp(demoData: true), checkpointMs: 3_600_000);
        var (c, _) = await MovedCaseAsync(app);
        Assert.Equal(0, await MovesInFileAloneAsync(app, c));

        await app.AppServices.GetRequiredService<WalCheckpointer>().StopAsync(CancellationToken.None);

        Assert.Equal(1, await MovesInFileAloneAsync(app, c));
    }

    [Fact]
    public async Task With_the_service_stopped_the_writers_backstop_keeps_the_log_bounded()
    {
        const int backstop = 200;
        using var app = Quiet(new TestApp(demoData: true), checkpointMs: 50);
        app.Settings["Database:WalAutoCheckpointPages"] = backstop.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await app.AppServices.GetRequiredService<WalCheckpointer>().StopAsync(CancellationToken.None);
        Assert.Equal(backstop, await AutoCheckpointAsync(app));

        // Far more log than the backstop: about ten pages a move.
        var caseworker = await app.ActorAsync(DemoUsers.Caseworker);
        var workflow = app.AppServices.GetRequiredService<CaseWorkflowService>();
        var c = await Arrange.CaseAsync(app, Stage.Submitted, leadCode: "MTM");
        var version = c.Version;
        for (var m = 0; m < 300; m++)
        {
            MoveData data = m % 2 == 0 ? new ScreenData() : new SendBackData("Igen.");
            version = Assert.IsType<MoveResult.Moved>(await workflow.FireAsync(c.CaseNumber, data, caseworker, version)).Version;
        }

        await using var db = await app.DbAsync();
        var pageSize = await db.Database.SqlQueryRaw<long>("SELECT page_size AS Value FROM pragma_page_size").SingleAsync();
        var frames = (new FileInfo(app.DatabasePath + "-wal").Length - 32) / (pageSize + 24);
        // The log restarts after the checkpoint at the backstop: at most the backstop and the commit that passed it.
        Assert.InRange(frames, 1, backstop + 100);
        Assert.True(await MovesInFileAloneAsync(app, c) > 0);
    }

    [Fact]
    public async Task The_writers_backstop_is_raised_while_the_service_runs_and_sqlites_own_without_it()
    {
        using (var app = new TestApp(demoData: false))
        {
            Assert.NotNull(app.AppServices.GetService<WalCheckpointer>());
            Assert.Equal(10_000, await AutoCheckpointAsync(app));
        }

        using (var off = new TestApp(demoData: false))
        {
            off.Settings["Database:CheckpointMilliseconds"] = "0";
            Assert.Null(off.AppServices.GetService<WalCheckpointer>());
            Assert.Equal(1_000, await AutoCheckpointAsync(off));
        }
    }

    [Fact]
    public void PostgreSQL_has_no_checkpointer()
    {
        using var app = new TestApp(demoData: false, provider: DatabaseProvider.Postgres);
        Assert.Null(app.AppServices.GetService<WalCheckpointer>());
    }

    private static TestApp Quiet(TestApp app, int checkpointMs)
    {
        app.Settings["Database:CheckpointMilliseconds"] = checkpointMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // No background job writes after the test's own moves.
        app.Settings["StageStats:FoldMilliseconds"] = "0";
        app.Settings["Notifications:Enabled"] = "false";
        return app;
    }

    private static async Task<(InnovationCase Case, int Version)> MovedCaseAsync(TestApp app)
    {
        var c = await Arrange.CaseAsync(app, Stage.Submitted, leadCode: "MTM");
        var caseworker = await app.ActorAsync(DemoUsers.Caseworker);
        var moved = Assert.IsType<MoveResult.Moved>(await app.AppServices.GetRequiredService<CaseWorkflowService>()
            .FireAsync(c.CaseNumber, new ScreenData(), caseworker, c.Version));
        return (c, moved.Version);
    }

    private static async Task<long> AutoCheckpointAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<long> MovesInFileAloneAsync(TestApp app, InnovationCase c) =>
        InFileAloneAsync(app, "SELECT COUNT(*) FROM CaseEvents e JOIN Cases c ON c.Id = e.CaseId WHERE c.CaseNumber = $number AND e.Kind = 'Moved'", c);

    private Task<long> VersionInFileAloneAsync(TestApp app, InnovationCase c) =>
        InFileAloneAsync(app, "SELECT Version FROM Cases WHERE CaseNumber = $number", c);

    // A copy of the database file without its -wal: only what a checkpoint copied is in it. A copy made
    // while a checkpoint writes the file can be torn (SQLite then says it is malformed): copied again.
    private async Task<long> InFileAloneAsync(TestApp app, string sql, InnovationCase c)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CopyAndReadAsync(app, sql, c);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 11 && attempt < 5)
            {
                await Task.Delay(20);
            }
        }
    }

    private async Task<long> CopyAndReadAsync(TestApp app, string sql, InnovationCase c)
    {
        var copy = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        File.Copy(app.DatabasePath, copy);
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // Before the first checkpoint even the schema is only in the log.
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'CaseEvents'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        command.CommandText = sql;
        command.Parameters.AddWithValue("$number", c.CaseNumber);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
