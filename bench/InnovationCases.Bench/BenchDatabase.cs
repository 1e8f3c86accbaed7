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

    /// <summary>A new empty database on the server; its connection string.</summary>
    public static string CreateDatabase()
    {
        if (_server is null)
        {
            return PostgresServer.Shared.CreateDatabase();
        }

        var name = "ic_bench_" + Guid.NewGuid().ToString("N")[..12];
        Execute($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(_server) { Database = name }.ConnectionString;
    }

    public static void DropDatabase(string connectionString)
    {
        if (_server is null)
        {
            PostgresServer.Shared.DropDatabase(connectionString);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var conn = new NpgsqlConnection(_server);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }
}
