using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data.DemoData;

/// <summary>
/// Fills an empty database with a believable year: departments, pools, the demo accounts and about
/// 60 cases spread over every stage, each moved through the real workflow with a backdated history.
/// Each part is skipped when it already exists, so demo data is never seeded twice.
/// </summary>
public sealed class DemoDataSeeder(IServiceProvider services, DbWriter writer, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    public const int CaseCount = 60;
    public const long CrossCuttingBudget = StarterSetup.CrossCuttingBudget;
    public const long LocalFundsTotal = StarterSetup.LocalFundsTotal;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await SeedDepartmentsAndPoolsAsync(now.Year, ct);
        var users = await SeedUsersAsync(ct);
        await SeedCasesAsync(now, users, ct);
        await DemoRounds.SeedAsync(writer, now, users, ct);
        await DemoSpread.SeedAsync(writer, now, users, ct);
        await DemoNotes.SeedAsync(writer, now, users, ct);
    }

    /// <summary>The current year's pools: 30 mio. cross-cutting, 10 mio. split by the wage-sum key.</summary>
    public static BudgetYear CreateBudgetYear(int year, IReadOnlyList<Department> departments, long crossCutting = CrossCuttingBudget, long local = LocalFundsTotal) =>
        StarterSetup.CreateBudgetYear(year, departments, crossCutting, local);

    private Task SeedDepartmentsAndPoolsAsync(int year, CancellationToken ct) => writer.WriteAsync(async db =>
    {
        if (!await db.Departments.AnyAsync(ct))
        {
            db.Departments.AddRange(StarterSetup.Departments.Select(d => new Department { Code = d.Code, Name = d.Name, WageSum = DemoCatalog.WageSums[d.Code] }));
            await db.SaveChangesAsync(ct);
        }

        if (!await db.BudgetYears.AnyAsync(y => y.Year == year, ct))
        {
            db.BudgetYears.Add(CreateBudgetYear(year, await db.Departments.OrderBy(d => d.Id).ToListAsync(ct)));
            await db.SaveChangesAsync(ct);
        }

        return 0;
    }, ct);

    private async Task<Dictionary<string, Actor>> SeedUsersAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, ct);

        var actors = new Dictionary<string, Actor>();
        foreach (var (email, name, role, code) in DemoAccounts.All)
        {
            var user = await userManager.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = name,
                    Role = role,
                    DepartmentId = code is null ? null : departments[code],
                };
                var created = await userManager.CreateAsync(user, DemoAccounts.Password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException("Demo user: " + string.Join(", ", created.Errors.Select(e => e.Description)));
                }
            }

            actors[email] = user.ToActor();
        }

        return actors;
    }

    private Task SeedCasesAsync(DateTime now, Dictionary<string, Actor> users, CancellationToken ct) => writer.WriteAsync(async db =>
    {
        if (await db.Cases.AnyAsync(ct))
        {
            return 0;
        }

        var departments = await db.Departments.OrderBy(d => d.Id).ToListAsync(ct);
        var pools = await db.Pools.Where(p => p.Year == now.Year).ToListAsync(ct);
        var plan = new DemoCasePlan(now, departments, pools, users);
        foreach (var c in plan.Build())
        {
            db.Cases.Add(c.Case);
            await db.SaveChangesAsync(ct);
            foreach (var e in c.Events)
            {
                e.CaseId = c.Case.Id;
            }

            db.CaseEvents.AddRange(c.Events);
        }

        await DemoDelivery.AddAsync(db, now, users.Values.First(a => a.Role == Role.Caseworker), ct);
        db.CaseNumberCounters.Add(new CaseNumberCounter { Year = now.Year, Last = plan.LastSequence });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} demo cases", plan.LastSequence);
        return plan.LastSequence;
    }, ct);
}
