using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InnovationCases.Tests.Data.Postgres;

public sealed class PostgresProviderTests
{
    [Fact]
    public async Task The_app_migrates_and_seeds_demo_data_on_PostgreSQL()
    {
        using var app = new TestApp(provider: DatabaseProvider.Postgres);
        await using var db = await app.DbAsync();

        Assert.IsType<PostgresAppDbContext>(db);
        Assert.True(db.Database.IsNpgsql());
        Assert.True(await db.Cases.CountAsync() >= 50);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var trigramIndexes = await db.Database.SqlQuery<string>(
            $"SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename = 'Cases' AND indexdef LIKE '%gin_trgm_ops%'").ToListAsync();
        Assert.Equal(["IX_Cases_CaseNumber_trgm", "IX_Cases_SearchText_trgm", "IX_Cases_Title_trgm"], trigramIndexes.Order());
    }

    [Fact]
    public async Task Instants_are_stored_as_UTC_even_when_built_without_a_kind()
    {
        using var app = new TestApp(demoData: false, provider: DatabaseProvider.Postgres);
        var writer = app.AppServices.GetRequiredService<DbWriter>();
        var unspecified = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Unspecified);

        await writer.WriteAsync(async db =>
        {
            db.AdminAudit.Add(new AdminAuditEntry { At = unspecified, ActorUserId = "x", ActorName = "x", Entity = "test", EntityKey = "t", Change = "c" });
            return await db.SaveChangesAsync();
        });

        await using var read = await app.DbAsync();
        var stored = await read.AdminAudit.SingleAsync(a => a.At == unspecified);
        Assert.Equal(DateTimeKind.Utc, stored.At.Kind);
        Assert.Equal(new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), stored.At);
    }

    [Fact]
    public async Task Two_instances_migrating_one_empty_database_together_both_start()
    {
        var connectionString = PostgresServer.Shared.CreateDatabase();
        try
        {
            var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options;
            await using var a = new PostgresAppDbContext(options);
            await using var b = new PostgresAppDbContext(options);

            await Task.WhenAll(DatabaseMigrations.MigrateAsync(a.Database), DatabaseMigrations.MigrateAsync(b.Database));

            Assert.Empty(await a.Database.GetPendingMigrationsAsync());
            Assert.Equal(
                a.Database.GetMigrations().Count(),
                (await a.Database.GetAppliedMigrationsAsync()).Count());
        }
        finally
        {
            PostgresServer.Shared.DropDatabase(connectionString);
        }
    }
}
