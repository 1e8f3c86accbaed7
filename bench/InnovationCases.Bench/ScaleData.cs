using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Bench;

/// <summary>Generates cases and their event history at a stated scale, consistent with the workflow.</summary>
internal static class ScaleData
{
    private static readonly Stage[] OpenStages = [Stage.Submitted, Stage.Screened, Stage.Recommended, Stage.Granted, Stage.Implemented];
    private static readonly Stage[] ClosedStages = [Stage.Evaluated, Stage.Rejected, Stage.Withdrawn, Stage.Stopped];

    /// <summary>Adds <paramref name="open"/> open and <paramref name="closed"/> closed cases with about <paramref name="eventsPerCase"/> events each.</summary>
    public static async Task AddAsync(BenchHost host, int open, int closed, int eventsPerCase, int seed = 7, Stage[]? openStages = null)
    {
        await using var db = await host.DbAsync();
        var pools = await db.Pools.ToListAsync();
        var departments = await db.Departments.Select(d => d.Id).ToListAsync();
        var year = pools.Max(p => p.Year);
        var firstId = (await db.Cases.MaxAsync(c => (int?)c.Id) ?? 0) + 1;
        var firstSeq = (await db.CaseNumberCounters.Where(c => c.Year == year).Select(c => (int?)c.Last).SingleOrDefaultAsync() ?? 0) + 1;
        var random = new Random(seed);
        var now = DateTime.UtcNow;
        var cases = new List<InnovationCase>(open + closed);
        var partners = new List<CasePartnerDepartment>();
        for (var i = 0; i < open + closed; i++)
        {
            var stages = openStages ?? OpenStages;
            var stage = i < open ? stages[i % stages.Length] : ClosedStages[i % ClosedStages.Length];
            var pool = pools[random.Next(pools.Count)];
            var lead = pool.DepartmentId ?? departments[random.Next(departments.Count)];
            var requested = 50_000 + random.NextInt64(2_000_000) / 1_000 * 1_000;
            var submitted = now.AddDays(-random.Next(1, 365));
            var c = new InnovationCase
            {
                Id = firstId + i,
                CaseNumber = $"INNO-{year}-{firstSeq + i:0000}",
                Title = $"Skaleringsprojekt {i} om {(Theme)(i % 8)}",
                Summary = "Genereret sag til ydelsesmåling med en kort beskrivelse af projektet.",
                PoolId = pool.Id,
                BudgetYear = year,
                Theme = (Theme)(i % 8),
                ApplicantType = ApplicantType.Department,
                ApplicantOrganisation = "Afdeling",
                ContactName = "Bench",
                ContactEmail = "bench@aarhus.example",
                LeadDepartmentId = lead,
                RequestedAmount = requested,
                PeriodStart = new DateOnly(year, 1 + i % 6, 1),
                PeriodEnd = new DateOnly(year + i % 2, 12, 31),
                ExpectedAnnualGain = requested / 3,
                FirstGainYear = year + 1,
                GainDescription = "Gevinst.",
                Risks = "Risiko.",
                RiskLevel = (RiskLevel)(i % 3),
                Viability = "Drift.",
                EffectPlan = "Måling.",
                Stage = stage,
                SubmittedAt = submitted,
                // In the past only: a card moved during a benchmark must sort first in its new column.
                StageChangedAt = Past(submitted.AddDays(random.Next(0, 30)), now),
                RecommendedAmount = stage >= Stage.Recommended && stage != Stage.Rejected && stage != Stage.Withdrawn ? requested : null,
                // Scale cases hold no money: they must not drain the demo pools the scenarios grant from.
                GrantedAmount = stage is Stage.Granted or Stage.Implemented or Stage.Evaluated or Stage.Stopped ? 0 : null,
                ActualSpend = stage == Stage.Stopped ? 0 : null,
            };
            cases.Add(c);
            if (i % 5 == 0)
            {
                partners.Add(new CasePartnerDepartment { CaseId = c.Id, DepartmentId = departments[(i / 5) % departments.Count] });
            }
        }

        if (cases.Any(c => c.StageChangedAt >= now))
        {
            throw new InvalidOperationException("Generated history must lie in the past.");
        }

        await BulkInsert.RunAsync(db, cases, withGeneratedKeys: true);
        await BulkInsert.RunAsync(db, partners.Where(p => cases[p.CaseId - firstId].LeadDepartmentId != p.DepartmentId));
        await BulkInsert.RunAsync(db, Events(cases, eventsPerCase));
        var counter = await db.CaseNumberCounters.SingleOrDefaultAsync(c => c.Year == year);
        if (counter is null)
        {
            db.CaseNumberCounters.Add(new CaseNumberCounter { Year = year, Last = firstSeq + cases.Count - 1 });
        }
        else
        {
            counter.Last = firstSeq + cases.Count - 1;
        }

        await db.SaveChangesAsync();
    }

    private static DateTime Past(DateTime at, DateTime now) => at < now ? at : now.AddMinutes(-1);

    private static IEnumerable<CaseEvent> Events(List<InnovationCase> cases, int eventsPerCase)
    {
        foreach (var c in cases)
        {
            yield return new CaseEvent { CaseId = c.Id, Kind = CaseEventKind.Created, ToStage = Stage.Submitted, ActorUserId = "bench", ActorName = "Bench", At = c.SubmittedAt };
            var path = PathTo(c.Stage, eventsPerCase - 1);
            var at = c.SubmittedAt;
            var from = Stage.Submitted;
            foreach (var (trigger, to) in path)
            {
                at = at.AddHours(7);
                yield return new CaseEvent { CaseId = c.Id, Kind = CaseEventKind.Moved, FromStage = from, ToStage = to, Trigger = trigger, ActorUserId = "bench", ActorName = "Bench", At = at };
                from = to;
            }
        }
    }

    /// <summary>A path through the workflow ending in <paramref name="stage"/>, padded with SendBack/Screen loops to the wanted length.</summary>
    private static List<(Trigger, Stage)> PathTo(Stage stage, int length)
    {
        List<(Trigger, Stage)> main = stage switch
        {
            Stage.Submitted => [],
            Stage.Screened => [(Trigger.Screen, Stage.Screened)],
            Stage.Recommended => [(Trigger.Screen, Stage.Screened), (Trigger.Recommend, Stage.Recommended)],
            Stage.Granted => [(Trigger.Screen, Stage.Screened), (Trigger.Recommend, Stage.Recommended), (Trigger.Grant, Stage.Granted)],
            Stage.Implemented => [(Trigger.Screen, Stage.Screened), (Trigger.Recommend, Stage.Recommended), (Trigger.Grant, Stage.Granted), (Trigger.Complete, Stage.Implemented)],
            Stage.Evaluated => [(Trigger.Screen, Stage.Screened), (Trigger.Recommend, Stage.Recommended), (Trigger.Grant, Stage.Granted), (Trigger.Complete, Stage.Implemented), (Trigger.Evaluate, Stage.Evaluated)],
            Stage.Stopped => [(Trigger.Screen, Stage.Screened), (Trigger.Recommend, Stage.Recommended), (Trigger.Grant, Stage.Granted), (Trigger.Stop, Stage.Stopped)],
            Stage.Rejected => [(Trigger.Screen, Stage.Screened), (Trigger.Reject, Stage.Rejected)],
            _ => [(Trigger.Withdraw, Stage.Withdrawn)],
        };
        var loops = new List<(Trigger, Stage)>();
        while (loops.Count + main.Count + 2 <= length)
        {
            loops.Add((Trigger.Screen, Stage.Screened));
            loops.Add((Trigger.SendBack, Stage.Submitted));
        }

        return [.. loops, .. main];
    }
}
