using Npgsql;

namespace InnovationCases.Tests.Support;

public class PostgresServerTests
{
    [Fact]
    public async Task The_test_server_gives_each_caller_its_own_empty_database_and_drops_it()
    {
        var server = PostgresServer.Shared;
        var first = server.CreateDatabase();
        var second = server.CreateDatabase();
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);

        await using (var conn = new NpgsqlConnection(first))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE t (x int); INSERT INTO t VALUES (1)", conn);
            await create.ExecuteNonQueryAsync();
        }

        await using (var conn = new NpgsqlConnection(second))
        {
            await conn.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE tablename = 't'", conn);
            Assert.Equal(0L, await count.ExecuteScalarAsync());
        }

        server.DropDatabase(first);
        server.DropDatabase(second);
        await using var admin = new NpgsqlConnection(server.ConnectionString());
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand(
            $"SELECT count(*) FROM pg_database WHERE datname = '{new NpgsqlConnectionStringBuilder(first).Database}'", admin);
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_test_server_folds_Danish_letters_for_case_insensitive_matching()
    {
        var db = PostgresServer.Shared.CreateDatabase();
        try
        {
            await using var conn = new NpgsqlConnection(db);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT 'ÆBLEGRØD på Århus' ILIKE '%æblegrød PÅ år%'", conn);
            Assert.Equal(true, await cmd.ExecuteScalarAsync());
        }
        finally
        {
            PostgresServer.Shared.DropDatabase(db);
        }
    }
}
