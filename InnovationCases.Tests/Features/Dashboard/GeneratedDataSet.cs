using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.StageStats;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Dashboard;

/// <summary>
/// A generated data set on an empty database, for comparing the dashboard's SQL figures with a
/// straightforward recomputation in memory: 240 cases over two budget years, three departments,
/// every stage, times with sub-second parts, some cases with two decisions (a rejection, later a
/// grant), and histories that put many open cases over their stage's limit.
/// </summary>
public class GeneratedDataSet : IAsyncLifetime
{
    public GeneratedDataSet()
        : this(null)
    {
    }

    /// <summary>For the provider matrix (Data/Postgres/ProviderMatrix.cs).</summary>
    protected GeneratedDataSet(DatabaseProvider? provider) => App = new(demoData: false, provider: provider);

    public const int Year = 2026;
    public static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    public TestApp App { get; }

    public async Task InitializeAsync()
    {
        var random = new Random(17);
        await using var db = await App.DbAsync();
        var departments = new[]
        {
            new Department { Name = "Afdeling A", Code = "AAA", WageSum = 600 },
            new Department { Name = "Afdeling B", Code = "BBB", WageSum = 300 },
            new Department { Name = "Afdeling C", Code = "CCC", WageSum = 100 },
        };
        db.Departments.AddRange(departments);
        await db.SaveChangesAsync();

        var pools = new List<Pool>();
        foreach (var y in new[] { Year - 1, Year })
        {
            var budgetYear = new BudgetYear { Year = y, CrossCuttingBudget = 50_000_000, LocalFundsTotal = 10_000_000 };
            budgetYear.Pools.Add(new Pool { Year = y, Kind = PoolKind.CrossCutting, Budget = 50_000_000 });
            budgetYear.Pools.AddRange(departments.Select(d => new Pool { Year = y, Kind = PoolKind.LocalFunds, DepartmentId = d.Id, Budget = 10_000_000 }));
            db.BudgetYears.Add(budgetYear);
            pools.AddRange(budgetYear.Pools);
        }

        await db.SaveChangesAsync();

        var paths = new (Stage To, Trigger Trigger)[][]
        {
            [],
            [(Stage.Screened, Trigger.Screen)],
            [(Stage.Screened, Trigger.Screen), (Stage.Recommended, Trigger.Recommend)],
            [(Stage.Screened, Trigger.Screen), (Stage.Recommended, Trigger.Recommend), (Stage.Granted, Trigger.Grant)],
            [(Stage.Screened, Trigger.Screen), (Stage.Recommended, Trigger.Recommend), (Stage.Granted, Trigger.Grant), (Stage.Implemented, Trigger.Complete)],
            [(Stage.Screened, Trigger.Screen), (Stage.Recommended, Trigger.Recommend), (Stage.Granted, Trigger.Grant), (Stage.Implemented, Trigger.Complete), (Stage.Evaluated, Trigger.Evaluate)],
            [(Stage.Rejected, Trigger.Reject)],
            [(Stage.Screened, Trigger.Screen), (Stage.Rejected, Trigger.Reject)],
            [(Stage.Screened, Trigger.Screen), (Stage.Withdrawn, Trigger.Withdraw)],
            [(Stage.Screened, Trigger.Screen), (Stage.Recommended, Trigger.Recommend), (Stage.Granted, Trigger.Grant), (Stage.Stopped, Trigger.Stop)],
            // Two decisions: rejected, reconsidered, then granted; the wait counts to the first.
            [(Stage.Screened, Trigger.Screen), (Stage.Rejected, Trigger.Reject), (Stage.Screened, Trigger.Screen), (Stage.Recommended, Trigger.Recommend), (Stage.Granted, Trigger.Grant)],
        };

        for (var n = 1; n <= 240; n++)
        {
            var year = n % 5 == 0 ? Year - 1 : Year;
            var lead = departments[random.Next(departments.Length)];
            var yearPools = pools.Where(p => p.Year == year).ToList();
            var pool = yearPools[random.Next(yearPools.Count)];
            var path = paths[random.Next(paths.Length)];
            var at = Now.AddDays(-random.Next(20, 400)).AddTicks(random.NextInt64(TimeSpan.TicksPerDay));
            var history = new List<(DateTime At, Stage? From, Stage To, Trigger? Trigger)> { (at, null, Stage.Submitted, null) };
            foreach (var (to, trigger) in path)
            {
                at = at.AddDays(random.Next(0, 25)).AddTicks(random.NextInt64(TimeSpan.TicksPerDay));
                if (at >= Now)
                {
                    break;
                }

                history.Add((at, history[^1].To, to, trigger));
            }

            var requested = 10_000 + random.NextInt64(2_000_000) / 1_000 * 1_000;
            var stage = history[^1].To;
            var c = new InnovationCase
            {
                CaseNumber = CaseNumbers.Format(year, n),
                Title = $"Genereret projekt {n}",
                Summary = "Et projekt.",
                PoolId = pool.Id,
                BudgetYear = year,
                Theme = (Theme)random.Next(8),
                ApplicantType = ApplicantType.Department,
                ApplicantOrganisation = lead.Name,
                ContactName = "Kontakt",
                ContactEmail = "k@aarhus.example",
                LeadDepartmentId = lead.Id,
                RequestedAmount = requested,
                PeriodStart = new DateOnly(year, 3, 1),
                PeriodEnd = new DateOnly(year, 11, 30),
                ExpectedAnnualGain = requested / (2 + random.Next(4)),
                FirstGainYear = year + 1,
                GainDescription = "Gevinst.",
                Risks = "Risici.",
                Viability = "Drift.",
                EffectPlan = "Måling.",
                Stage = stage,
                StageChangedAt = history[^1].At,
                SubmittedAt = history[0].At,
                RecommendedAmount = history.Any(h => h.To == Stage.Recommended) ? requested - random.Next(10) * 1_000 : null,
                GrantedAmount = history.Any(h => h.To == Stage.Granted) ? requested - random.Next(20) * 1_000 : null,
            };
            if (stage == Stage.Stopped)
            {
                c.ActualSpend = random.Next(3) == 0 ? null : c.GrantedAmount / 2;
            }

            if (stage == Stage.Evaluated && random.Next(3) > 0)
            {
                c.EffectReports.Add(new EffectReport
                {
                    Year = year, RealisedAnnualGain = c.ExpectedAnnualGain - random.Next(100) * 100, Narrative = "Målt.",
                    LessonsLearned = "Lær.", IsFinal = random.Next(4) > 0, ReportedByUserId = "x", ReportedByName = "X", CreatedAt = history[^1].At,
                });
            }

            db.Cases.Add(c);
            await db.SaveChangesAsync();
            db.CaseEvents.AddRange(history.Select(h => new CaseEvent
            {
                CaseId = c.Id,
                Kind = h.From is null ? CaseEventKind.Created : CaseEventKind.Moved,
                FromStage = h.From,
                ToStage = h.To,
                Trigger = h.Trigger,
                ActorUserId = "test",
                ActorName = "Test",
                At = h.At,
            }));
            await db.SaveChangesAsync();
        }

        // The history was written behind the pipeline's back, so its stage statistics come from the events.
        await StageDayRebuild.RebuildAsync(App.AppServices.GetRequiredService<DbWriter>());
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
