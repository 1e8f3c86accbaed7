using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace InnovationCases.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server for the test run, started from Debian's <c>postgresql</c> package
/// the way the browser tests start Chromium: installed when missing (as root on Debian), then
/// <c>initdb</c> and <c>pg_ctl</c> into a temp folder, on a free loopback port with its unix socket in
/// that folder, tuned for speed over durability (fsync off). PostgreSQL refuses to run as root, so
/// a root test run starts it as the package's <c>postgres</c> user (else <c>nobody</c>). One server
/// serves the whole run (<see cref="Shared"/>); each <see cref="TestApp"/> gets its own database.
/// It is stopped and deleted when the test process exits. It fails with a clear message, never skips.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string Superuser = "postgres";
    private const string FolderPrefix = "ic-pg-";
    private const string OwnerFile = "owner.pid";
    private static readonly Lazy<PostgresServer> SharedServer = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly string _folder;
    private readonly string? _runAs;
    private bool _stopped;

    private PostgresServer(string bin, string folder, int port, string? runAs)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
        _runAs = runAs;
    }

    /// <summary>The run's server, started on first use.</summary>
    public static PostgresServer Shared => SharedServer.Value;

    public int Port { get; }

    /// <summary>The folder holding the data directory, the socket and the server log.</summary>
    public string Folder => _folder;

    /// <summary>A connection string for <paramref name="database"/> as the superuser (trust auth on loopback).</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        // Tests start and drop many databases: idle pooled connections must not pile up.
        ConnectionIdleLifetime = 10,
    }.ToString();

    /// <summary>Creates an empty database with a fresh name and returns its connection string.</summary>
    public string CreateDatabase(string? template = null)
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        var templateClause = template is null ? "" : $" TEMPLATE \"{template}\"";
        Execute($"CREATE DATABASE \"{name}\"{templateClause}");
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing whatever still uses it.</summary>
    public void DropDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        using (var conn = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(conn);
        }

        Execute($"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)");
    }

    /// <summary>Runs one statement in the maintenance database.</summary>
    public void Execute(string sql)
    {
        using var conn = new NpgsqlConnection(ConnectionString());
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    private static PostgresServer Start()
    {
        var bin = FindBin();
        var runAs = Environment.IsPrivilegedProcess ? RunAsUser() : null;
        SweepAbandoned(bin);
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString());
        if (runAs is not null)
        {
            Run("/usr/bin/chown", ["-R", runAs, folder], null, "chown the server folder");
        }

        var data = Path.Combine(folder, "data");
        Run(Path.Combine(bin, "initdb"),
            ["-D", data, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            runAs, "initdb");

        var port = FreePort();
        var options = string.Join(' ',
            $"-p {port}", $"-k {folder}", "-c listen_addresses=127.0.0.1", "-c max_connections=400",
            "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c shared_buffers=64MB");
        Run(Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"],
            runAs, "pg_ctl start", logFile: Path.Combine(folder, "server.log"));

        var server = new PostgresServer(bin, folder, port, runAs);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    }

    /// <summary>Stops and deletes the servers of test runs that were killed before they could.</summary>
    private static void SweepAbandoned(string bin)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && !Directory.Exists($"/proc/{pid}"))
            {
                StopAndDelete(bin, folder, Environment.IsPrivilegedProcess ? RunAsUser() : null);
            }
        }
    }

    /// <summary>Debian's newest installed PostgreSQL, installing the package when it is missing.</summary>
    private static string FindBin()
    {
        var found = Versions().FirstOrDefault();
        if (found is null)
        {
            DebianPackage.Ensure(() => Versions().Any(), "PostgreSQL's initdb (/usr/lib/postgresql/*/bin)", "postgresql");
            found = Versions().FirstOrDefault()
                ?? throw new InvalidOperationException("PostgreSQL's initdb is missing under /usr/lib/postgresql/*/bin. Install Debian's postgresql package as root: apt-get install -y postgresql");
        }

        return found;

        static IEnumerable<string> Versions() =>
            Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .Select(d => Path.Combine(d, "bin"))
                    .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                    .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                : [];
    }

    private static string RunAsUser()
    {
        var passwd = File.Exists("/etc/passwd") ? File.ReadAllLines("/etc/passwd") : [];
        return passwd.Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)) ? "postgres" : "nobody";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string[] args, string? runAs, string what, string? logFile = null)
    {
        var start = runAs is null
            ? new ProcessStartInfo(file)
            : new ProcessStartInfo("/usr/sbin/runuser", ["-u", runAs, "--", file]);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"PostgreSQL test server: could not start {file} ({what}).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var log = logFile is not null && File.Exists(logFile) ? File.ReadAllText(logFile) : "";
            throw new InvalidOperationException(
                $"PostgreSQL test server: {what} failed ({process.ExitCode}) running {file} as {runAs ?? "the current user"}: {error.Result}{output.Result}{log}");
        }
    }

    public void Dispose()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        StopAndDelete(_bin, _folder, _runAs);
    }

    private static void StopAndDelete(string bin, string folder, string? runAs)
    {
        // The test host may be ended soon after the process-exit event: a shell of its own stops the
        // server and deletes the folder even then.
        var pgCtl = $"{Path.Combine(bin, "pg_ctl")} -D {Path.Combine(folder, "data")} -m immediate -w stop";
        var stop = runAs is null ? pgCtl : $"/usr/sbin/runuser -u {runAs} -- {pgCtl}";
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/setsid", ["/bin/sh", "-c", $"{stop} >/dev/null 2>&1; rm -rf {folder}"]));
        process?.WaitForExit(TimeSpan.FromSeconds(20));
    }
}
