using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data;

/// <summary>
/// The same model on PostgreSQL, as its own type so that it has its own migration set
/// (<c>Data/Migrations/Postgres</c>; EF picks migrations by context type). Features never see it:
/// they ask for <c>IDbContextFactory&lt;AppDbContext&gt;</c> and get one of these.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    /// <summary>One database: the notifications' tables are in this context's migrations.</summary>
    protected override bool NotificationsInOwnFile => false;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Trigram GIN indexes serve ILIKE '%text%': number and title for the board's filter, and the
        // free-text search (CaseTextSearch) has one expression index over the joined number, title
        // and summary, created by raw SQL in the migration CaseTextSearchJoined (EF models no
        // expression indexes).
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<InnovationCase>(b =>
        {
            b.HasIndex(c => c.CaseNumber, "IX_Cases_CaseNumber_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
            b.HasIndex(c => c.Title, "IX_Cases_Title_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        });
    }
}
