using InnovationCases.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InnovationCases.Tests.Support;

/// <summary>
/// Fresh app databases on the run's <see cref="PostgresServer"/>, copied from a template that has
/// every migration applied once: a copy takes a fraction of what migrating each one would. The app
/// still runs <c>MigrateAsync</c> on its copy (finding nothing to do), as it does in production.
/// </summary>
public static class PostgresTemplate
{
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A new migrated, empty database; returns its connection string.</summary>
    public static string CreateDatabase() => PostgresServer.Shared.CreateDatabase(Template.Value);

    private static string CreateTemplate()
    {
        var server = PostgresServer.Shared;
        var connectionString = server.CreateDatabase();
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options;
        using (var db = new PostgresAppDbContext(options))
        {
            db.Database.Migrate();
        }

        // CREATE DATABASE ... TEMPLATE refuses while anyone is connected to the template.
        using (var conn = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(conn);
        }

        return new NpgsqlConnectionStringBuilder(connectionString).Database!;
    }
}
