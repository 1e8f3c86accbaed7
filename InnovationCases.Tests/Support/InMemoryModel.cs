using InnovationCases.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Support;

/// <summary>
/// The app's model on one in-memory SQLite connection, with the command counter of B3 as an
/// interceptor: for tests of the plain-SQL writers (what they store, and that every command they run
/// passes EF's interceptors). No app, no migrations: <c>EnsureCreated</c> from the model, and the
/// notifications' tables (in their own file in the app, <see cref="NotificationsFile"/>) in the same database.
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
        await using var notifications = new NotificationsDbContext(new DbContextOptionsBuilder<NotificationsDbContext>().UseSqlite(_connection).Options);
        await using var create = _connection.CreateCommand();
        create.CommandText = notifications.Database.GenerateCreateScript();
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    protected AppDbContext Context() => new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_connection).AddInterceptors(Counter).Options);
}
