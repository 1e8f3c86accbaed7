using InnovationCases.Tests.Support;
using Npgsql;

namespace InnovationCases.Bench;

/// <summary>
/// Which database the scenarios run on: a fresh SQLite file per host (the default), or with
/// <c>--postgres</c> a fresh database per host on a throwaway PostgreSQL server the harness starts
/// (as the tests do), or with <c>--postgres=&lt;connection string&gt;</c> on that server (the user
/// must be allowed to create databases).
/// </summary>
internal static class BenchDatabase
{
    private static string? _server;

    public static bool Postgres { get; private set; }

    /// <summary>Reads <c>--postgres</c> / <c>--postgres=...</c> from the arguments.</summary>
    public static void Configure(string[] args)
    {
        var flag = args.FirstOrDefault(a => a == "--postgres" || a.StartsWith("--postgres=", StringComparison.Ordinal));
        if (flag is null)
        {
            return;
        }

        Postgres = true;
        _server = flag.Length > "--postgres=".Length ? flag["--postgres=".Length..] : null;
    }

    /// <summary>
    /// An empty database on the server; its connection string. Always the same name in one run: EF
    /// builds its model once per connection string, and the app's compiled queries refuse a second
    /// model, so every host of the run must use the same string (each starts on a fresh database).
    /// </summary>
    public static string CreateDatabase()
    {
        var name = "ic_bench_" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var connectionString = new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
        DropDatabase(connectionString);
        Execute($"CREATE DATABASE \"{name}\"");
        return connectionString;
    }

    public static void DropDatabase(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
    }

    private static string Server => _server ?? PostgresServer.Shared.ConnectionString();

    private static void Execute(string sql)
    {
        using var conn = new NpgsqlConnection(Server);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }
}
