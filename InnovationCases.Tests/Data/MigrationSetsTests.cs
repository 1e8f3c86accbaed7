using InnovationCases.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InnovationCases.Tests.Data;

/// <summary>
/// Each of the three migration sets (SQLite's cases file, SQLite's notifications file, PostgreSQL)
/// matches its model: a model change without its migration fails here, not at a deployment.
/// </summary>
public sealed class MigrationSetsTests
{
    [Fact]
    public void The_sqlite_cases_set_has_no_pending_model_changes()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_sqlite_notifications_set_has_no_pending_model_changes()
    {
        using var db = new NotificationsDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_postgres_set_has_no_pending_model_changes()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_cases_file_leaves_the_notifications_tables_to_their_own_file_and_postgres_keeps_them()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        foreach (var table in new[] { "Outbox", "NotificationBodies" })
        {
            Assert.True(sqlite.GetService<IDesignTimeModel>().Model.GetEntityTypes().Single(t => t.GetTableName() == table).IsTableExcludedFromMigrations());
            Assert.False(postgres.GetService<IDesignTimeModel>().Model.GetEntityTypes().Single(t => t.GetTableName() == table).IsTableExcludedFromMigrations());
        }
    }
}
