using InnovationCases.Data;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Data.Postgres;

public sealed class CopyToPostgresTests
{
    [Fact]
    public async Task Demo_data_copied_from_SQLite_has_every_count_and_every_case_version_and_event_equal()
    {
        using var app = new TestApp(demoData: true, provider: DatabaseProvider.Sqlite);
        _ = app.AppServices; // migrations and demo data
        var target = PostgresServer.Shared.CreateDatabase();
        try
        {
            var output = new StringWriter();
            var exit = await CopyToPostgres.RunAsync($"Data Source={app.DatabasePath}", target, output);

            Assert.True(exit == 0, output.ToString());
            await using var sqlite = await app.DbAsync();
            await using var pg = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(target).Options);
            foreach (var table in pg.Model.GetRelationalModel().Tables)
            {
                Assert.Equal(await CountAsync(sqlite, table.Name), await CountAsync(pg, table.Name));
            }

            var cases = await sqlite.Cases.OrderBy(c => c.Id).Select(c => new { c.Id, c.CaseNumber, c.Version, c.Stage, c.GrantedAmount }).ToListAsync();
            Assert.NotEmpty(cases);
            Assert.Equal(cases, await pg.Cases.OrderBy(c => c.Id).Select(c => new { c.Id, c.CaseNumber, c.Version, c.Stage, c.GrantedAmount }).ToListAsync());
            // PostgreSQL keeps microseconds, SQLite's text keeps .NET's 100 ns ticks: the copy drops the last digit.
            var events = (await sqlite.CaseEvents.OrderBy(e => e.Id).Select(e => new { e.Id, e.CaseId, e.Kind, e.ToStage, e.At, e.ActorName, e.Note }).ToListAsync())
                .Select(e => e with { At = new DateTime(e.At.Ticks / 10 * 10) });
            var copied = (await pg.CaseEvents.OrderBy(e => e.Id).Select(e => new { e.Id, e.CaseId, e.Kind, e.ToStage, e.At, e.ActorName, e.Note }).ToListAsync())
                .Select(e => e with { At = new DateTime(e.At.Ticks) });
            Assert.Equal(events, copied);

            // The identity sequences follow the copied keys: a new row gets a fresh key.
            var entry = new AdminAuditEntry { At = DateTime.UtcNow, ActorUserId = "x", ActorName = "x", Entity = "copy", EntityKey = "1", Change = "test" };
            pg.AdminAudit.Add(entry);
            await pg.SaveChangesAsync();
            Assert.True(entry.Id > (await sqlite.AdminAudit.Select(a => (long?)a.Id).MaxAsync() ?? 0));
        }
        finally
        {
            PostgresServer.Shared.DropDatabase(target);
        }
    }

    [Fact]
    public async Task A_copy_into_a_database_that_has_data_is_refused_and_changes_nothing()
    {
        using var app = new TestApp(demoData: true, provider: DatabaseProvider.Sqlite);
        _ = app.AppServices;
        using var existing = new TestApp(demoData: true, provider: DatabaseProvider.Postgres);
        await using var before = await existing.DbAsync();
        var cases = await before.Cases.CountAsync();

        var output = new StringWriter();
        var exit = await CopyToPostgres.RunAsync($"Data Source={app.DatabasePath}", existing.PostgresConnectionString!, output);

        Assert.Equal(1, exit);
        Assert.Contains("not empty", output.ToString());
        await using var after = await existing.DbAsync();
        Assert.Equal(cases, await after.Cases.CountAsync());
    }

    private static async Task<long> CountAsync(AppDbContext db, string table)
    {
        // Table names come from the model, not from input.
        var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
        return await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
    }
}
