using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace InnovationCases.Data;

/// <summary>
/// For <c>dotnet ef migrations add X --context PostgresAppDbContext</c>: adding a migration needs the
/// model only, so no server is contacted (see Data/Migrations/Postgres/README.md).
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql("Host=localhost;Database=innovationcases")
            .Options);
}
