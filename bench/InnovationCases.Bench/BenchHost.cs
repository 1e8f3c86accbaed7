using InnovationCases.Data;
using InnovationCases.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InnovationCases.Bench;

/// <summary>
/// The real app (services, schema, migrations) on a fresh file database in WAL mode, as in
/// production, or with <c>--postgres</c> on a fresh PostgreSQL database (<see cref="BenchDatabase"/>).
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly string? _ownedDatabase;

    private BenchHost(WebApplication app, string folder, string? connectionString, bool ownsDatabase)
    {
        App = app;
        Folder = folder;
        ConnectionString = connectionString;
        _ownedDatabase = ownsDatabase ? connectionString : null;
    }

    /// <summary>The PostgreSQL database's connection string; null on SQLite.</summary>
    public string? ConnectionString { get; }

    public WebApplication App { get; }
    public string Folder { get; }
    public IServiceProvider Services => App.Services;
    public string? Url { get; private set; }

    /// <param name="sameDatabaseAs">PostgreSQL only: a second instance on that host's database (no demo data of its own).</param>
    /// <param name="countCommands">
    /// Adds the <see cref="DbCommandCounter"/> (for the scenarios that count commands). The deployed app has no
    /// command interceptor, and with one EF builds event data and calls it around every command: a scenario
    /// that times the app's own work (B1) runs without it.
    /// </param>
    public static async Task<BenchHost> StartAsync(string name, bool listen = false, IReadOnlyDictionary<string, string?>? settings = null, BenchHost? sameDatabaseAs = null,
        bool countCommands = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ic-bench", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        // A host that serves browsers serves the static files as the deployed app does (PublishedApp).
        // BENCH_BUILD_ASSETS=1 (diagnostic): the build output's files instead, as before session 7.
        var published = listen && Environment.GetEnvironmentVariable("BENCH_BUILD_ASSETS") != "1" ? await PublishedApp.FolderAsync() : null;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ApplicationName = typeof(InnovationCases.Setup.AppServices).Assembly.GetName().Name,
            ContentRootPath = Path.GetDirectoryName(typeof(InnovationCases.Setup.AppServices).Assembly.Location),
            WebRootPath = published is null ? null : Path.Combine(published, "wwwroot"),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cases"] = $"Data Source={Path.Combine(folder, "bench.db")}",
            ["DemoData:Enabled"] = "true",
            // Plain HTTP on loopback, and many sign-ins in a minute (one per measured board circuit):
            // the production defaults would refuse both, and neither is what is measured.
            ["Security:RequireHttps"] = "false",
            ["SignIn:RateLimit:PerIp"] = "100000",
            ["SignIn:RateLimit:PerAccount"] = "100000",
        });
        string? connectionString = null;
        if (BenchDatabase.Postgres)
        {
            connectionString = sameDatabaseAs?.ConnectionString ?? BenchDatabase.CreateDatabase();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Cases"] = connectionString,
                ["DemoData:Enabled"] = sameDatabaseAs is null ? "true" : "false",
            });
        }

        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (published is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["StaticAssets:Manifest"] = PublishedApp.Manifest(published) });
        }
        else
        {
            builder.WebHost.UseStaticWebAssets();
        }

        builder.Logging.ClearProviders();
        // BENCH_SERVER_LOG=<category prefix> (diagnostic): that category's log down to Trace, timestamped,
        // e.g. Microsoft.AspNetCore.Components to see when the circuit sends and receives what.
        if (Environment.GetEnvironmentVariable("BENCH_SERVER_LOG") is { Length: > 0 } category)
        {
            builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ");
            builder.Logging.AddFilter(category, LogLevel.Trace);
        }
        builder.WebHost.UseUrls(listen ? "http://127.0.0.1:0" : "http://127.0.0.1:0");
        builder.AddInnovationCases();
        // The command counter is a measuring tool, not part of the app: the bench adds it itself.
        var counter = new DbCommandCounter();
        builder.Services.AddSingleton(counter);
        if (countCommands && BenchDatabase.Postgres)
        {
            builder.Services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(counter));
        }
        else if (countCommands)
        {
            builder.Services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(counter));
        }

        var app = builder.Build();
        await app.MapInnovationCasesAsync();
        var host = new BenchHost(app, folder, connectionString, ownsDatabase: sameDatabaseAs is null);
        if (listen)
        {
            await app.StartAsync();
            host.Url = app.Urls.First();
        }

        return host;
    }

    public async Task<AppDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    public async Task<InnovationCases.Domain.Actor> ActorAsync(string email)
    {
        await using var db = await DbAsync();
        return (await db.Users.SingleAsync(u => u.Email == email)).ToActor();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownedDatabase is not null)
        {
            BenchDatabase.DropDatabase(_ownedDatabase);
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
