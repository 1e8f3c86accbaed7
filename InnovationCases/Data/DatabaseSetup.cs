using InnovationCases.Data.DemoData;
using InnovationCases.Features.StageStats;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data;

/// <summary>Everything provider-specific lives here: features see only <see cref="AppDbContext"/>.</summary>
public static class DatabaseSetup
{
    public const string ConnectionName = "Cases";

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var connectionString = ResolveConnectionString(config, env);
        services.AddPooledDbContextFactory<AppDbContext>(o => o
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas()));
        services.AddSingleton<DbWriter>();
        services.AddSingleton(new RunningAppLock(connectionString));
        services.AddSingleton<DemoDataSeeder>();
        return services;
    }

    /// <summary>
    /// <c>ConnectionStrings:Cases</c>, default <c>App_Data/innovationcases.db</c> under the content
    /// root. A busy file waits up to 30 seconds before a command fails.
    /// </summary>
    public static string ResolveConnectionString(IConfiguration config, IHostEnvironment env)
    {
        var configured = config.GetConnectionString(ConnectionName);
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=App_Data/innovationcases.db");
        if (!Path.IsPathRooted(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.Combine(env.ContentRootPath, builder.DataSource);
        }

        if (builder.DefaultTimeout == 30 || builder.DefaultTimeout <= 0)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }

    /// <summary>Creates the folder, applies migrations, turns on WAL, and seeds demo data when asked to.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (Path.GetDirectoryName(source) is { Length: > 0 } dir)
            {
                Directory.CreateDirectory(dir);
            }

            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var config = services.GetRequiredService<IConfiguration>();
        if (config.GetValue("DemoData:Enabled", false))
        {
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }

        // A database from before the stage statistics, or seeded behind the pipeline, gets them from its events.
        await StageDayRebuild.RebuildIfEmptyAsync(services.GetRequiredService<DbWriter>());
    }
}
