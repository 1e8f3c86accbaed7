using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.StageStats;
using Microsoft.Extensions.DependencyInjection;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Dashboard;

/// <summary>
/// A small, hand-checked data set on an empty database (no demo data): two departments, the 2026
/// pools and seven cases with a full event history. The expected figures in the tests are computed
/// by hand from the table below, at <see cref="Now"/> = 15 June 2026 12:00 UTC.
/// <code>
/// case pool   dept stage        theme  history (2026, all at 12:00)                          money
/// C1   cross  A    Submitted    Digi   10/6 created
/// C2   cross  A    Screened     Digi   1/5 created, 11/5 screened
/// C3   cross  B    Recommended  Health 1/4 created, 5/4 screened, 15/4 recommended          rec 200.000
/// C4   cross  A    Granted      Digi   1/2, 5/2 scr, 11/2 rec, 3/3 granted (30 days)        300.000
/// C5   localA A    Evaluated    Health 10/1, 12/1 scr, 20/1 rec, 30/1 granted (20 days),    100.000, gain 50.000
///                                      1/3 completed, 1/4 evaluated                           realised 40.000
/// C6   cross  B    Rejected     Mobil  1/3 created, 11/3 rejected (10 days)
/// C7   cross  B    Stopped      Digi   5/1, 7/1 scr, 15/1 rec, 25/1 granted (20 days),      granted 500.000,
///                                      1/5 stopped                                           spent 200.000
/// </code>
/// </summary>
public class KnownDataSet : IAsyncLifetime
{
    public KnownDataSet()
        : this(null)
    {
    }

    /// <summary>For the provider matrix (Data/Postgres/ProviderMatrix.cs).</summary>
    protected KnownDataSet(DatabaseProvider? provider) => App = new(demoData: false, provider: provider);

    public const int Year = 2026;
    public static readonly DateTime Now = At(6, 15);

    public TestApp App { get; }
    public int DepartmentA { get; private set; }
    public int DepartmentB { get; private set; }
    public int CrossPool { get; private set; }
    public int LocalPoolA { get; private set; }
    public int LocalPoolB { get; private set; }

    public static Actor Manager { get; } = new("manager", "Leder", Role.Manager, null);

    public Actor StaffOfB => new("staff-b", "Medarbejder B", Role.DepartmentStaff, DepartmentB);

    public static DateTime At(int month, int day) => new(Year, month, day, 12, 0, 0, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        await using var db = await App.DbAsync();
        var a = new Department { Name = "Afdeling A", Code = "AAA", WageSum = 600 };
        var b = new Department { Name = "Afdeling B", Code = "BBB", WageSum = 400 };
        db.Departments.AddRange(a, b);
        await db.SaveChangesAsync();
        DepartmentA = a.Id;
        DepartmentB = b.Id;

        var year = new BudgetYear { Year = Year, CrossCuttingBudget = 1_000_000, LocalFundsTotal = 1_000_000 };
        var cross = new Pool { Year = Year, Kind = PoolKind.CrossCutting, Budget = 1_000_000 };
        var localA = new Pool { Year = Year, Kind = PoolKind.LocalFunds, DepartmentId = a.Id, Budget = 600_000 };
        var localB = new Pool { Year = Year, Kind = PoolKind.LocalFunds, DepartmentId = b.Id, Budget = 400_000 };
        year.Pools.AddRange([cross, localA, localB]);
        db.BudgetYears.Add(year);
        await db.SaveChangesAsync();
        CrossPool = cross.Id;
        LocalPoolA = localA.Id;
        LocalPoolB = localB.Id;

        await AddAsync(db, 1, cross, a, Theme.Digitalisation, [(At(6, 10), null, Stage.Submitted, null)]);
        await AddAsync(db, 2, cross, a, Theme.Digitalisation, [(At(5, 1), null, Stage.Submitted, null), (At(5, 11), Stage.Submitted, Stage.Screened, Trigger.Screen)]);
        await AddAsync(db, 3, cross, b, Theme.Health, [(At(4, 1), null, Stage.Submitted, null), (At(4, 5), Stage.Submitted, Stage.Screened, Trigger.Screen),
            (At(4, 15), Stage.Screened, Stage.Recommended, Trigger.Recommend)],
            configure: c => c.RecommendedAmount = 200_000);
        await AddAsync(db, 4, cross, a, Theme.Digitalisation, [(At(2, 1), null, Stage.Submitted, null), (At(2, 5), Stage.Submitted, Stage.Screened, Trigger.Screen),
            (At(2, 11), Stage.Screened, Stage.Recommended, Trigger.Recommend), (At(3, 3), Stage.Recommended, Stage.Granted, Trigger.Grant)],
            configure: c => { c.RecommendedAmount = 300_000; c.GrantedAmount = 300_000; });
        await AddAsync(db, 5, localA, a, Theme.Health, [(At(1, 10), null, Stage.Submitted, null), (At(1, 12), Stage.Submitted, Stage.Screened, Trigger.Screen),
            (At(1, 20), Stage.Screened, Stage.Recommended, Trigger.Recommend), (At(1, 30), Stage.Recommended, Stage.Granted, Trigger.Grant),
            (At(3, 1), Stage.Granted, Stage.Implemented, Trigger.Complete), (At(4, 1), Stage.Implemented, Stage.Evaluated, Trigger.Evaluate)],
            configure: c =>
            {
                c.RecommendedAmount = 100_000;
                c.GrantedAmount = 100_000;
                c.ActualSpend = 95_000;
                c.ExpectedAnnualGain = 50_000;
                c.EffectReports.Add(new EffectReport
                {
                    Year = Year, RealisedAnnualGain = 40_000, Narrative = "Færre timer; \"målt\" før og efter.\nAnden linje.",
                    LessonsLearned = "=Inddrag medarbejderne; tidligt", IsFinal = true, ReportedByUserId = "x", ReportedByName = "X", CreatedAt = At(4, 1),
                });
            });
        await AddAsync(db, 6, cross, b, Theme.Mobility, [(At(3, 1), null, Stage.Submitted, null), (At(3, 11), Stage.Submitted, Stage.Rejected, Trigger.Reject)]);
        await AddAsync(db, 7, cross, b, Theme.Digitalisation, [(At(1, 5), null, Stage.Submitted, null), (At(1, 7), Stage.Submitted, Stage.Screened, Trigger.Screen),
            (At(1, 15), Stage.Screened, Stage.Recommended, Trigger.Recommend), (At(1, 25), Stage.Recommended, Stage.Granted, Trigger.Grant),
            (At(5, 1), Stage.Granted, Stage.Stopped, Trigger.Stop)],
            configure: c => { c.RecommendedAmount = 500_000; c.GrantedAmount = 500_000; c.ActualSpend = 200_000; });

        // The history was written behind the pipeline's back, so its stage statistics come from the events.
        await StageDayRebuild.RebuildAsync(App.AppServices.GetRequiredService<DbWriter>());
    }

    public static string Number(int n) => CaseNumbers.Format(Year, n);

    /// <summary>Titles that test the exports: separators, quotes, line breaks and would-be formulas.</summary>
    public static string Title(int n) => n switch
    {
        2 => "-Minus først",
        3 => "@Snabel-a først",
        4 => "+45 nummer først",
        6 => "Afslag; \"citat\" og\nlinjeskift",
        7 => "=HYPERLINK(\"http://x\")",
        _ => $"Projekt {n}",
    };

    private static async Task AddAsync(AppDbContext db, int n, Pool pool, Department lead, Theme theme,
        (DateTime At, Stage? From, Stage To, Trigger? Trigger)[] history, Action<InnovationCase>? configure = null)
    {
        var last = history[^1];
        var c = new InnovationCase
        {
            CaseNumber = Number(n),
            Title = Title(n),
            Summary = "Et projekt.",
            PoolId = pool.Id,
            BudgetYear = Year,
            Theme = theme,
            ApplicantType = ApplicantType.Department,
            ApplicantOrganisation = lead.Name,
            ContactName = "Kontakt",
            ContactEmail = "k@aarhus.example",
            LeadDepartmentId = lead.Id,
            RequestedAmount = 1_000_000,
            PeriodStart = new DateOnly(Year, 3, 1),
            PeriodEnd = new DateOnly(Year, 11, 30),
            ExpectedAnnualGain = 10_000,
            FirstGainYear = Year + 1,
            GainDescription = "Gevinst.",
            Risks = "Risici.",
            Viability = "Drift.",
            EffectPlan = "Måling.",
            Stage = last.To,
            StageChangedAt = last.At,
            SubmittedAt = history[0].At,
        };
        configure?.Invoke(c);
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        foreach (var (at, from, to, trigger) in history)
        {
            db.CaseEvents.Add(new CaseEvent
            {
                CaseId = c.Id,
                Kind = from is null ? CaseEventKind.Created : CaseEventKind.Moved,
                FromStage = from,
                ToStage = to,
                Trigger = trigger,
                ActorUserId = "test",
                ActorName = "Test",
                At = at,
            });
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
