using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Data.Postgres;

/// <summary>
/// A fresh migrated database on the run's <see cref="PostgresServer"/> (<see cref="PostgresTemplate"/>)
/// and the least data a case needs: one department, this year's pools, one caseworker.
/// </summary>
public sealed class PgDatabase : IDisposable
{
    private static int _sequence = 7000;

    private PgDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public int DepartmentId { get; private set; }

    public Actor Caseworker { get; private set; } = null!;

    public static async Task<PgDatabase> CreateAsync()
    {
        var database = new PgDatabase(PostgresTemplate.CreateDatabase());
        await using var db = database.Open();
        var year = DateTime.UtcNow.Year;
        var department = new Department { Name = "Børn og Unge", Code = "MBU", WageSum = 1_000_000 };
        db.Departments.Add(department);
        db.BudgetYears.Add(new BudgetYear { Year = year, CrossCuttingBudget = 30_000_000, LocalFundsTotal = 10_000_000 });
        db.Pools.Add(new Pool { Year = year, Kind = PoolKind.CrossCutting, Budget = 30_000_000 });
        var caseworker = new AppUser { UserName = "sb@aarhus.example", Email = "sb@aarhus.example", DisplayName = "Sagsbehandler", Role = Role.Caseworker };
        db.Users.Add(caseworker);
        await db.SaveChangesAsync();
        database.DepartmentId = department.Id;
        database.Caseworker = caseworker.ToActor();
        return database;
    }

    /// <summary>More caseworkers, so a daily run has more to write (and two runs more to collide on).</summary>
    public async Task AddCaseworkersAsync(int count)
    {
        await using var db = Open();
        for (var i = 0; i < count; i++)
        {
            var email = $"sb{i}-{Guid.NewGuid():N}@aarhus.example";
            db.Users.Add(new AppUser { UserName = email, Email = email, DisplayName = "Sagsbehandler " + i, Role = Role.Caseworker });
        }

        await db.SaveChangesAsync();
    }

    public AppDbContext Open() =>
        new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString).Options);

    /// <summary>A submitted case that entered its stage <paramref name="daysAgo"/> days ago, with its created event.</summary>
    public async Task<InnovationCase> CaseAsync(int daysAgo = 0)
    {
        await using var db = Open();
        var year = DateTime.UtcNow.Year;
        var pool = await db.Pools.SingleAsync(p => p.Year == year && p.Kind == PoolKind.CrossCutting);
        var at = DateTime.UtcNow.AddDays(-daysAgo);
        var n = Interlocked.Increment(ref _sequence);
        var c = new InnovationCase
        {
            CaseNumber = CaseNumbers.Format(year, n),
            Title = "Testprojekt " + n,
            Summary = "Et projekt til test.",
            PoolId = pool.Id,
            BudgetYear = year,
            Theme = Theme.Digitalisation,
            ApplicantType = ApplicantType.Department,
            ApplicantOrganisation = "Børn og Unge",
            ContactName = "Test Person",
            ContactEmail = "test@aarhus.example",
            LeadDepartmentId = DepartmentId,
            RequestedAmount = 500_000,
            PeriodStart = new DateOnly(year, 3, 1),
            PeriodEnd = new DateOnly(year, 11, 30),
            ExpectedAnnualGain = 250_000,
            FirstGainYear = year + 1,
            GainDescription = "Færre manuelle sagsskridt.",
            Risks = "Leverandøren kan blive forsinket.",
            RiskLevel = RiskLevel.Medium,
            Viability = "Driften betales af gevinsten.",
            EffectPlan = "Vi måler før og efter.",
            Stage = Stage.Submitted,
            StageChangedAt = at,
            SubmittedAt = at,
        };
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, Kind = CaseEventKind.Created, ToStage = c.Stage, ActorUserId = "test", ActorName = "Test", At = at });
        await db.SaveChangesAsync();
        return c;
    }

    public void Dispose() => PostgresServer.Shared.DropDatabase(ConnectionString);
}
