using InnovationCases.Data;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InnovationCases.Tests.Data.Postgres;

/// <summary>
/// The app's PostgreSQL connections prepare their statements (Npgsql's automatic preparation), so the
/// server does not parse and plan a move's statements on every move; a connection string that says
/// otherwise wins.
/// </summary>
public sealed class PreparedStatementTests
{
    [Fact]
    public void The_connection_string_gets_automatic_preparation_unless_it_sets_its_own()
    {
        var plain = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithStatementPreparation("Host=db;Database=ic"));
        Assert.Equal(DatabaseSetup.DefaultMaxAutoPrepare, plain.MaxAutoPrepare);
        Assert.Equal(DatabaseSetup.DefaultAutoPrepareMinUsages, plain.AutoPrepareMinUsages);

        var off = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithStatementPreparation("Host=db;Database=ic;Max Auto Prepare=0"));
        Assert.Equal(0, off.MaxAutoPrepare);

        var own = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithStatementPreparation("Host=db;Database=ic;maxautoprepare=10;Auto Prepare Min Usages=7"));
        Assert.Equal(10, own.MaxAutoPrepare);
        Assert.Equal(7, own.AutoPrepareMinUsages);
        Assert.Equal("db", own.Host);
    }

    [Fact]
    public async Task A_query_the_app_runs_twice_on_a_connection_is_prepared_on_the_server()
    {
        using var app = new TestApp(demoData: false, provider: DatabaseProvider.Postgres);
        await using var db = await app.DbAsync();
        await db.Database.OpenConnectionAsync();

        for (var i = 0; i < 2; i++)
        {
            await db.Departments.AsNoTracking().Where(d => d.Code == "MBU").Select(d => d.Name).ToListAsync();
        }

        // pg_prepared_statements lists the session's statements; from_sql is false for the protocol-level ones Npgsql makes.
        var prepared = await db.Database.SqlQuery<string>(
            $"""SELECT statement AS "Value" FROM pg_prepared_statements WHERE NOT from_sql""").ToListAsync();
        Assert.Contains(prepared, s => s.Contains("\"Departments\"", StringComparison.Ordinal) && s.Contains("\"Code\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_prepared_statement_outlives_the_pool_return_and_recovers_from_a_changed_column_type()
    {
        var connectionString = PostgresServer.Shared.CreateDatabase();
        try
        {
            // One pooled connection, so that the second open gets the first one back (reset, not discarded).
            var oneConnection = DatabaseSetup.WithStatementPreparation(connectionString + ";Maximum Pool Size=1");
            await using (var setup = new NpgsqlConnection(oneConnection))
            {
                await setup.OpenAsync();
                await Execute(setup, "CREATE TABLE probe (a integer); INSERT INTO probe VALUES (1)");
                await Scalar(setup);
                await Scalar(setup);
            }

            await using (var again = new NpgsqlConnection(oneConnection))
            {
                await again.OpenAsync();
                Assert.Equal(1L, await PreparedProbesAsync(again));

                // What a migration run by another instance could do; the statement's result type changes.
                await Execute(again, "ALTER TABLE probe ALTER COLUMN a TYPE bigint");
                var first = await Record.ExceptionAsync(() => Scalar(again));
                if (first is not null)
                {
                    Assert.Equal(PostgresErrorCodes.FeatureNotSupported, Assert.IsType<PostgresException>(first).SqlState);
                }

                // At worst the first execution after the change fails; the next one works again.
                Assert.Equal(1L, Convert.ToInt64(await Scalar(again)));
            }
        }
        finally
        {
            PostgresServer.Shared.DropDatabase(connectionString);
        }

        static async Task Execute(NpgsqlConnection conn, string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync();
        }

        static async Task<object?> Scalar(NpgsqlConnection conn)
        {
            await using var cmd = new NpgsqlCommand("SELECT a FROM probe", conn);
            return await cmd.ExecuteScalarAsync();
        }

        static async Task<long> PreparedProbesAsync(NpgsqlConnection conn)
        {
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE NOT from_sql AND statement = 'SELECT a FROM probe'", conn);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }
    }
}
