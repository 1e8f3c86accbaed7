using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;

namespace InnovationCases.Data.DemoData;

/// <summary>
/// Plans the demo cases in memory: which stage each ends in, and the moves that take it there,
/// fired through <see cref="CaseWorkflow"/> with a backdated clock so that the history is real.
/// Deterministic: the same seed gives the same cases.
/// </summary>
internal sealed class DemoCasePlan(DateTime now, IReadOnlyList<Department> departments, IReadOnlyList<Pool> pools, IReadOnlyDictionary<string, Actor> users)
{
    private static readonly Stage[] Targets =
    [
        .. Enumerable.Repeat(Stage.Submitted, 10), .. Enumerable.Repeat(Stage.Screened, 8),
        .. Enumerable.Repeat(Stage.Recommended, 7), .. Enumerable.Repeat(Stage.Granted, 10),
        .. Enumerable.Repeat(Stage.Implemented, 6), .. Enumerable.Repeat(Stage.Evaluated, 6),
        .. Enumerable.Repeat(Stage.Rejected, 5), .. Enumerable.Repeat(Stage.Withdrawn, 4),
        .. Enumerable.Repeat(Stage.Stopped, 4),
    ];

    private readonly Random _random = new(2026);
    private readonly Dictionary<int, long> _consumed = [];

    public int LastSequence { get; private set; }

    private Actor Caseworker => users["sagsbehandler@aarhus.example"];
    private Actor Director => users["direktoer@aarhus.example"];

    public IEnumerable<(InnovationCase Case, List<CaseEvent> Events)> Build()
    {
        var targets = Targets.OrderBy(_ => _random.Next()).ToArray();
        var planned = new List<(InnovationCase, List<CaseEvent>, Stage)>();
        for (var i = 0; i < targets.Length; i++)
        {
            var c = NewCase(i);
            planned.Add((c, [], targets[i]));
        }

        // Number cases in submission order, as a real register would have.
        foreach (var (c, events, target) in planned.OrderBy(p => p.Item1.SubmittedAt))
        {
            c.CaseNumber = CaseNumbers.Format(now.Year, ++LastSequence);
            events.Add(CaseEvent.ForCreated(c, AuthorOf(c)));
            Walk(c, target, events);
            yield return (c, events);
        }
    }

    private InnovationCase NewCase(int index)
    {
        var idea = DemoCatalog.Ideas[index % DemoCatalog.Ideas.Length];
        var lead = departments[index % departments.Count];
        var local = index % 3 == 2;
        var pool = local
            ? pools.Single(p => p.Kind == PoolKind.LocalFunds && p.DepartmentId == lead.Id)
            : pools.Single(p => p.Kind == PoolKind.CrossCutting);
        var civil = index % 7 == 3;
        var requested = local
            ? Round(Math.Min(pool.Budget / 5, 50_000 + _random.NextInt64(600_000)))
            : Round(250_000 + _random.NextInt64(index % 5 == 0 ? 3_200_000 : 1_700_000));
        var submitted = now.AddDays(-(15 + _random.Next(340))).AddHours(-_random.Next(8));
        var start = new DateOnly(submitted.Year, submitted.Month, 1).AddMonths(2 + _random.Next(3));
        var end = start.AddMonths(6 + _random.Next(index % 4 == 0 ? 24 : 10)).AddDays(-1);
        var risk = (RiskLevel)(index % 5 == 4 ? 2 : index % 2);
        var contact = $"{DemoCatalog.FirstNames[index % DemoCatalog.FirstNames.Length]} {DemoCatalog.LastNames[index % DemoCatalog.LastNames.Length]}";
        var org = civil ? DemoCatalog.CivilSocietyOrganisations[index % DemoCatalog.CivilSocietyOrganisations.Length] : lead.Name;

        var c = new InnovationCase
        {
            Title = idea.Title,
            Summary = idea.Summary,
            Description = $"{idea.Summary} Projektet gennemføres af {lead.Name}{(civil ? $" sammen med {org}" : "")} og afprøves først i et afgrænset område, før det spredes. " +
                "Vi måler før og efter og deler erfaringerne i kommunens videnbank.",
            Pool = pool,
            PoolId = pool.Id,
            BudgetYear = now.Year,
            Theme = idea.Theme,
            ApplicantType = civil ? ApplicantType.CivilSociety : ApplicantType.Department,
            ApplicantOrganisation = org,
            ContactName = contact,
            ContactEmail = contact.ToLowerInvariant().Replace(' ', '.').Replace("æ", "ae").Replace("ø", "oe").Replace("å", "aa") + "@aarhus.example",
            ContactPhone = $"+45 87 13 {_random.Next(10, 99)} {_random.Next(10, 99)}",
            LeadDepartmentId = lead.Id,
            RequestedAmount = requested,
            InternalCoFinancing = Round(requested * _random.Next(0, 40) / 100),
            ExternalCoFinancing = civil ? Round(requested * _random.Next(5, 30) / 100) : 0,
            PeriodStart = start,
            PeriodEnd = end,
            ExpectedAnnualGain = Round(requested * 10 / (15 + _random.Next(35))),
            FirstGainYear = end.Year,
            GainDescription = DemoCatalog.GainText(idea.Theme),
            Novelty = "Løsningen er ikke tidligere afprøvet i Aarhus Kommune i denne form, og den kombinerer viden fra flere fagområder.",
            Risks = DemoCatalog.RiskText(risk),
            RiskLevel = risk,
            Viability = "Driften finansieres efter projektperioden af den realiserede gevinst i afdelingens budget.",
            EffectPlan = "Vi måler en baseline før start og følger op hvert halve år med data fra fagsystemerne; effekten afrapporteres årligt.",
            Stage = Stage.Submitted,
            SubmittedAt = submitted,
            StageChangedAt = submitted,
        };
        if (index % 4 == 1)
        {
            var partner = departments[(index + 2) % departments.Count];
            c.PartnerDepartments.Add(new CasePartnerDepartment { DepartmentId = partner.Id });
        }

        if (civil)
        {
            c.ExternalPartners.Add(new ExternalPartner { Name = org, Kind = ApplicantType.CivilSociety });
        }

        if (index % 6 == 5)
        {
            c.ExternalPartners.Add(new ExternalPartner { Name = "Aarhus Universitet", Kind = ApplicantType.EducationInstitution });
        }

        c.CreatedByUserId = AuthorOf(c).UserId;
        return c;
    }

    private void Walk(InnovationCase c, Stage target, List<CaseEvent> events)
    {
        var path = PathTo(target, events.Count + c.Id + c.Title.Length);
        var span = now - c.SubmittedAt;
        var at = c.SubmittedAt;
        foreach (var trigger in path)
        {
            at += TimeSpan.FromTicks((long)(span.Ticks / (path.Count + 1) * (0.5 + _random.NextDouble() * 0.6)));
            if (trigger == Trigger.Recommend && c.Pool!.Kind == PoolKind.CrossCutting)
            {
                c.Assessments.Add(Assessment(c, at.AddHours(-2), mainCriterionMet: true));
            }

            var actor = ActorFor(trigger, c);
            var data = DataFor(trigger, c, at);
            if (data is GrantData grant && grant.Amount > Remaining(c.Pool!))
            {
                return; // The pool is spent: the case waits in Recommended, as it would in real life.
            }

            var ctx = new WorkflowContext(actor, c, c.Pool!, Remaining(c.Pool!), c.Assessments.Any(a => a.MainCriterionMet), at);
            var workflow = new CaseWorkflow(ctx);
            var from = c.Stage;
            var consumedBefore = c.ConsumedAmount;
            workflow.Fire(data);
            events.Add(CaseEvent.ForMove(c, from, data, actor));
            _consumed[c.PoolId] = _consumed.GetValueOrDefault(c.PoolId) + c.ConsumedAmount - consumedBefore;
        }

        if (c.Stage == Stage.Screened && c.Pool!.Kind == PoolKind.CrossCutting && c.SubmittedAt.Day % 2 == 0)
        {
            c.Assessments.Add(Assessment(c, c.StageChangedAt.AddDays(2) < now ? c.StageChangedAt.AddDays(2) : now, mainCriterionMet: true));
        }
    }

    private static List<Trigger> PathTo(Stage target, int salt)
    {
        List<Trigger> granted = [Trigger.Screen, Trigger.Recommend, Trigger.Grant];
        return target switch
        {
            Stage.Submitted => salt % 3 == 0 ? [Trigger.Screen, Trigger.SendBack] : [],
            Stage.Screened => [Trigger.Screen],
            Stage.Recommended => [Trigger.Screen, Trigger.Recommend],
            Stage.Granted => granted,
            Stage.Implemented => [.. granted, Trigger.Complete],
            Stage.Evaluated => [.. granted, Trigger.Complete, Trigger.Evaluate],
            Stage.Rejected => salt % 2 == 0 ? [Trigger.Reject] : [Trigger.Screen, Trigger.Reject],
            Stage.Withdrawn => salt % 2 == 0 ? [Trigger.Withdraw] : [Trigger.Screen, Trigger.Withdraw],
            Stage.Stopped => [.. granted, Trigger.Stop],
            _ => [],
        };
    }

    private MoveData DataFor(Trigger trigger, InnovationCase c, DateTime at) => trigger switch
    {
        Trigger.SendBack => new SendBackData("Business casen skal uddybes: hvordan opgøres den årlige gevinst?"),
        Trigger.Recommend => new RecommendData(Round(c.RequestedAmount * (c.Title.Length % 3 == 0 ? 90 : 100) / 100)),
        Trigger.Grant => new GrantData(
            c.RecommendedAmount,
            BusinessCase.NeedsCouncilDecision(c.Pool!.Kind, c.RecommendedAmount ?? 0, c.IsMultiYear) ? DateOnly.FromDateTime(at.AddDays(-3)) : null,
            BusinessCase.NeedsCouncilDecision(c.Pool!.Kind, c.RecommendedAmount ?? 0, c.IsMultiYear) ? $"BY-{at.Year}-{c.Id + c.Title.Length:000}" : null),
        Trigger.Complete => new CompleteData("Løsningen er udrullet i de planlagte enheder, og driften er overdraget.", Round((c.GrantedAmount ?? 0) * 95 / 100)),
        Trigger.Evaluate => new EvaluateData(
            Round(c.ExpectedAnnualGain * (60 + c.Title.Length % 60) / 100),
            "Målingerne viser færre timer pr. borger og højere tilfredshed hos borgere og medarbejdere.",
            "Inddrag medarbejderne fra start og mål baseline før udrulning; gevinsten kom senere end ventet.",
            c.Title.Length % 4 != 0),
        Trigger.Stop => new StopData(
            "Forsøget viste efter første fase, at gevinsten ikke kan realiseres.",
            "Stop tidligt: teknologien passede ikke til borgergruppen. Test med få borgere før indkøb.",
            Round((c.GrantedAmount ?? 0) * 40 / 100)),
        Trigger.Reject => new RejectData("Business casen er ikke sandsynliggjort, og projektet ligner et eksisterende tilbud."),
        Trigger.Withdraw => new WithdrawData("Afdelingen har valgt at finansiere projektet inden for egen ramme."),
        _ => MoveData.Empty(trigger),
    };

    private Actor ActorFor(Trigger trigger, InnovationCase c) => trigger switch
    {
        Trigger.Recommend => Director,
        Trigger.Complete or Trigger.Withdraw => LeadStaff(c) ?? Caseworker,
        _ => Caseworker,
    };

    private Actor AuthorOf(InnovationCase c) => c.ApplicantType == ApplicantType.Department ? LeadStaff(c) ?? Caseworker : Caseworker;

    private Actor? LeadStaff(InnovationCase c) =>
        users.Values.FirstOrDefault(u => u.Role == Role.DepartmentStaff && u.DepartmentId == c.LeadDepartmentId);

    private Assessment Assessment(InnovationCase c, DateTime at, bool mainCriterionMet) => new()
    {
        AssessorUserId = Director.UserId,
        AssessorName = Director.Name,
        AssessorDepartmentId = Director.DepartmentId,
        MainCriterionMet = mainCriterionMet,
        Comment = "Stærk business case og tydelig plan for effektmåling.",
        CreatedAt = at,
        Scores = Enum.GetValues<Criterion>()
            .Select(k => new CriterionScore { Criterion = k, Score = 3 + (c.Title.Length + (int)k) % 3, Comment = "" })
            .ToList(),
    };

    private long Remaining(Pool pool) => pool.Budget - _consumed.GetValueOrDefault(pool.Id);

    private static long Round(long kroner) => Math.Max(10_000, kroner / 10_000 * 10_000);
}
