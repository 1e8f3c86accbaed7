using System.Data.Common;
using InnovationCases.Data.DemoData;
using InnovationCases.Features.StageStats;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace InnovationCases.Data;

/// <summary>Everything provider-specific lives here: features see only <see cref="AppDbContext"/>.</summary>
public static class DatabaseSetup
{
    public const string ConnectionName = "Cases";
    public const string ProviderKey = "Database:Provider";

    /// <summary>Prepared statements kept per connection (Npgsql's limit is 256); the app has fewer distinct hot statements than this.</summary>
    public const int DefaultMaxAutoPrepare = 128;

    /// <summary>Uses of a statement on a connection before it is prepared: a one-off query is not prepared.</summary>
    public const int DefaultAutoPrepareMinUsages = 2;

    // One instance for the process: a query interceptor is part of the key EF caches its internal
    // services and model under, so a new one per host would give a second host a second model, which
    // the app's compiled queries refuse ("executed with a different model").
    private static readonly PostgresCaseInsensitiveLike CaseInsensitiveLike = new();

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var provider = ProviderOf(config);
        var connectionString = ResolveConnectionString(config, env);
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddPooledDbContextFactory<PostgresAppDbContext>(o => o
                .UseNpgsql(connectionString)
                .AddInterceptors(CaseInsensitiveLike)
                // EF builds an internal service provider per connection string; one process that
                // serves many databases (the test run) passes EF's limit of twenty, which throws.
                .ConfigureWarnings(w => w.Log(CoreEventId.ManyServiceProvidersCreatedWarning)));
            services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<PostgresAppDbContext>>();
            services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
            // A server database has no file to lock: restore is pg_restore's business (docs/DEPLOYMENT.md).
            services.AddSingleton(new RunningAppLock(null));
        }
        else
        {
            services.AddPooledDbContextFactory<AppDbContext>(o => o
                .UseSqlite(connectionString)
                .AddInterceptors(new SqlitePragmas(WalCheckpointer.BackstopPagesOf(config))));
            services.AddSingleton(new RunningAppLock(connectionString));
            if (WalCheckpointer.IntervalOf(config) is { Ticks: > 0 } interval)
            {
                // The log copied back to the file off the writers' path; stopped after the jobs that write.
                services.AddSingleton(new WalCheckpointer.Settings(connectionString, interval));
                services.AddSingleton<WalCheckpointer>();
                services.AddHostedService(sp => sp.GetRequiredService<WalCheckpointer>());
            }
        }

        services.AddSingleton<DbWriter>();
        services.AddSingleton<DemoDataSeeder>();
        return services;
    }

    /// <summary>
    /// Adds options (an interceptor, say) to whichever provider's context the app uses: a
    /// <c>ConfigureDbContext&lt;AppDbContext&gt;</c> alone would miss <see cref="PostgresAppDbContext"/>.
    /// </summary>
    public static IServiceCollection ConfigureAppDbContexts(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
    {
        services.ConfigureDbContext<AppDbContext>(configure);
        services.ConfigureDbContext<PostgresAppDbContext>(configure);
        return services;
    }

    /// <summary><c>Database:Provider</c>: <c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public static DatabaseProvider ProviderOf(IConfiguration config)
    {
        var value = config[ProviderKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"{ProviderKey} is '{value}'; use Sqlite or Postgres.");
    }

    /// <summary>
    /// <c>ConnectionStrings:Cases</c>. On SQLite the default is <c>App_Data/innovationcases.db</c> under
    /// the content root, and a busy file waits up to 30 seconds before a command fails. PostgreSQL has
    /// no default: the server must be named.
    /// </summary>
    public static string ResolveConnectionString(IConfiguration config, IHostEnvironment env)
    {
        var configured = config.GetConnectionString(ConnectionName);
        if (ProviderOf(config) == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException($"{ProviderKey} is Postgres: set ConnectionStrings:{ConnectionName} (Host=...;Database=...;Username=...;Password=...).")
                : WithStatementPreparation(configured);
        }

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

    /// <summary>
    /// The PostgreSQL connection string with Npgsql's automatic preparation on, unless it says otherwise:
    /// without it the server parses and plans every statement on every execution, which took about as
    /// long as executing them (a move's seven statements, B1-pg in docs/BENCHMARKS.md). A statement is prepared on a connection from its second use, and stays
    /// prepared while the connection is pooled (Npgsql then resets a returned connection without
    /// <c>DISCARD ALL</c>, which would drop them). <c>Max Auto Prepare=0</c> turns it off (PgBouncer in
    /// transaction mode before 1.21, say).
    /// </summary>
    public static string WithStatementPreparation(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!Names(given, "Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!Names(given, "Auto Prepare Min Usages"))
        {
            builder.AutoPrepareMinUsages = DefaultAutoPrepareMinUsages;
        }

        return builder.ToString();

        // Npgsql reads a keyword with or without its spaces, in any case.
        static bool Names(DbConnectionStringBuilder given, string keyword) =>
            given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", ""), keyword.Replace(" ", ""), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Applies migrations (on SQLite: creates the folder first and turns on WAL) and seeds demo data
    /// when asked to. Instances starting together on PostgreSQL take turns: EF's
    /// <see cref="DatabaseMigrations"/> holds a lock on the database while one of them migrates.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            if (db.Database.IsSqlite())
            {
                var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
                if (Path.GetDirectoryName(source) is { Length: > 0 } dir)
                {
                    Directory.CreateDirectory(dir);
                }
            }

            await DatabaseMigrations.MigrateAsync(db.Database);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
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
