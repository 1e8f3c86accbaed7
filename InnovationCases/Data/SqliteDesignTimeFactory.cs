using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace InnovationCases.Data;

/// <summary>
/// For <c>dotnet ef migrations add X --context AppDbContext</c>: without it the design-time tools
/// answer "AppDbContext" with the PostgreSQL factory's context (a subclass) and write a PostgreSQL
/// migration into the SQLite set. Adding a migration needs the model only; no file is opened.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options);
}
