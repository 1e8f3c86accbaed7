using System.Data.Common;
using InnovationCases.Data.Configuration;
using InnovationCases.Features.Notifications;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace InnovationCases.Data;

/// <summary>
/// On SQLite the notifications (<see cref="OutboxMessage"/> rows and their <see cref="NotificationBody"/>
/// texts) live in a file of their own beside the cases' file, attached to every connection as
/// <see cref="Schema"/>: the queries see one database (table names are unqualified and each lives in
/// one file), but each file has its own write lock, so the fan-out writes notifications while a move
/// holds the cases' file (benchmark B9b). A write takes the lock of the files it writes
/// (<see cref="DbWriter"/> begins deferred and queues on one gate per file). PostgreSQL keeps one
/// database; there the two are the same.
/// </summary>
public static class NotificationsFile
{
    public const string Schema = "notifications";

    /// <summary>The notifications file of a cases file: <c>App_Data/innovationcases.db</c> → <c>App_Data/innovationcases.notifications.db</c>.</summary>
    public static string PathFor(string casesFile)
    {
        var dir = Path.GetDirectoryName(casesFile);
        var name = Path.GetFileNameWithoutExtension(casesFile) + "." + Schema + Path.GetExtension(casesFile);
        return string.IsNullOrEmpty(dir) ? name : Path.Combine(dir, name);
    }

    /// <summary>
    /// The file to attach to a connection to <paramref name="casesDataSource"/>: an in-memory cases
    /// database gets in-memory notifications.
    /// </summary>
    public static string AttachedTo(string casesDataSource) =>
        casesDataSource is "" or ":memory:" ? ":memory:" : PathFor(casesDataSource);

    /// <summary>
    /// The command that attaches the notifications' file of <paramref name="connection"/>'s (open) cases
    /// file as <see cref="Schema"/>, in WAL mode like the cases' file; SQLite creates the file when it is missing.
    /// </summary>
    public static DbCommand AttachCommand(DbConnection connection)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = $"ATTACH DATABASE $notifications AS {Schema}; PRAGMA {Schema}.journal_mode=WAL;";
        var file = cmd.CreateParameter();
        file.ParameterName = "$notifications";
        file.Value = AttachedTo(connection.DataSource);
        cmd.Parameters.Add(file);
        return cmd;
    }

    /// <summary>A connection string for the notifications file itself (no cases file attached): its migrations, backup and restore.</summary>
    public static string ConnectionStringFor(string casesConnectionString)
    {
        var builder = new SqliteConnectionStringBuilder(casesConnectionString);
        builder.DataSource = AttachedTo(builder.DataSource);
        return builder.ToString();
    }
}

/// <summary>
/// The notifications file's schema on SQLite, for its own migration set (<c>Data/NotificationMigrations</c>):
/// the two tables of <see cref="AppDbContext"/> that live there, configured as there. The app reads and
/// writes them through <see cref="AppDbContext"/> with the file attached; this context only migrates.
/// </summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    /// <summary>Its own history table: the cases' file, attached beside it, has EF's default one.</summary>
    public const string HistoryTable = "__NotificationsMigrationsHistory";

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<NotificationBody> NotificationBodies => Set<NotificationBody>();

    public static DbContextOptions<NotificationsDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<NotificationsDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable(HistoryTable))
            .Options;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        AppDbContext.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        new OutboxMessageConfiguration().Configure(builder.Entity<OutboxMessage>());
        new NotificationBodyConfiguration().Configure(builder.Entity<NotificationBody>());
    }
}

/// <summary>For <c>dotnet ef migrations add X --context NotificationsDbContext --output-dir Data/NotificationMigrations</c>.</summary>
internal sealed class NotificationsDesignTimeFactory : IDesignTimeDbContextFactory<NotificationsDbContext>
{
    public NotificationsDbContext CreateDbContext(string[] args) => new(NotificationsDbContext.Options("Data Source=design-time.notifications.db"));
}
