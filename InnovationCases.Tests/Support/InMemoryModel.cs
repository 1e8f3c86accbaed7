using InnovationCases.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Support;

/// <summary>
/// The app's model on one in-memory SQLite connection, with the command counter of B3 as an
/// interceptor: for tests of the plain-SQL writers (what they store, and that every command they run
/// passes EF's interceptors). No app, no migrations: <c>EnsureCreated</c> from the model.
/// </summary>
public abstract class InMemoryModel : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    protected DbCommandCounter Counter { get; } = new();

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = Context();
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    protected AppDbContext Context() => new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_connection).AddInterceptors(Counter).Options);
}
