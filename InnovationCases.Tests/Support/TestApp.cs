using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Support;

/// <summary>
/// The real app on a fresh SQLite file in a temp folder, or a fresh database on the run's
/// <see cref="PostgresServer"/>, with demo data unless told otherwise. The provider is the
/// constructor's, else the environment variable <c>TEST_DATABASE_PROVIDER</c>, else SQLite.
/// <see cref="StartKestrel"/> serves it on a real port for the browser.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly string _folder;
    private readonly bool _ownsFolder;

    /// <param name="folder">
    /// A folder to keep the database in, so that a second app can start on the first one's file (a
    /// restart). The caller owns it and deletes it; by default each app gets a fresh folder it deletes.
    /// </param>
    public TestApp(bool demoData = true, string environment = "Testing", string? folder = null, DatabaseProvider? provider = null)
    {
        DemoData = demoData;
        Environment = environment;
        Provider = provider ?? DefaultProvider;
        _ownsFolder = folder is null;
        _folder = folder ?? NewFolder();
        Directory.CreateDirectory(_folder);
        if (Provider == DatabaseProvider.Postgres)
        {
            PostgresConnectionString = PostgresTemplate.CreateDatabase();
        }
    }

    /// <summary><c>TEST_DATABASE_PROVIDER</c> (Sqlite or Postgres), SQLite when unset.</summary>
    public static DatabaseProvider DefaultProvider =>
        Enum.TryParse<DatabaseProvider>(System.Environment.GetEnvironmentVariable("TEST_DATABASE_PROVIDER"), ignoreCase: true, out var p)
            ? p
            : DatabaseProvider.Sqlite;

    public DatabaseProvider Provider { get; }

    /// <summary>This app's own database on the run's PostgreSQL server, or null on SQLite.</summary>
    public string? PostgresConnectionString { get; }

    /// <summary>A fresh temp folder for a database (see the constructor's <c>folder</c>).</summary>
    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "ic-tests", Guid.NewGuid().ToString("N"));

    public bool DemoData { get; }
    public string Environment { get; }
    public string DatabasePath => Path.Combine(_folder, "cases.db");

    /// <summary>Extra configuration for a test, applied before the app starts.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public IServiceProvider AppServices => Services;

    /// <summary>Starts the app on Kestrel on a free port and returns its base address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    public async Task<AppDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    public async Task<Actor> ActorAsync(string email)
    {
        await using var db = await DbAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return user.ToActor();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Cases", PostgresConnectionString ?? $"Data Source={DatabasePath}");
        builder.UseSetting("DemoData:Enabled", DemoData ? "true" : "false");
        // The browser talks plain HTTP to Kestrel, and tests sign in often: the tests of HTTPS-only
        // cookies and of the sign-in limits switch these back on through Settings.
        builder.UseSetting("Security:RequireHttps", "false");
        builder.UseSetting("SignIn:RateLimit:PerIp", "10000");
        builder.UseSetting("SignIn:RateLimit:PerAccount", "10000");
        // No test sends mail or runs the daily notifications unless it says so (the mail tests do).
        builder.UseSetting("Mail:Mode", "Off");
        builder.UseSetting("Notifications:SchedulerEnabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (PostgresConnectionString is not null)
        {
            PostgresServer.Shared.DropDatabase(PostgresConnectionString);
        }

        if (!_ownsFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection; the temp folder is cleaned by the OS.
        }
    }
}
