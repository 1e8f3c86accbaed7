using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;

namespace InnovationCases.Tests.Domain.Workflow;

/// <summary>An in-memory case with everything a move needs, for pure tests of the workflow's rules.</summary>
internal sealed class WorkflowScenario
{
    public const int Mbu = 2;
    public const int Mso = 4;

    public InnovationCase Case { get; }
    public Pool Pool { get; }
    public long PoolRemaining { get; set; } = 30_000_000;
    public bool HasQualifyingAssessment { get; set; } = true;

    public WorkflowScenario(Stage stage, PoolKind pool = PoolKind.CrossCutting, int lead = Mbu)
    {
        Pool = pool == PoolKind.CrossCutting
            ? new Pool { Id = 1, Kind = PoolKind.CrossCutting, Budget = 30_000_000 }
            : new Pool { Id = 2, Kind = PoolKind.LocalFunds, DepartmentId = lead, Budget = 4_000_000 };
        Case = new InnovationCase
        {
            CaseNumber = "INNO-2026-0001",
            Stage = stage,
            Pool = Pool,
            PoolId = Pool.Id,
            LeadDepartmentId = lead,
            ApplicantType = ApplicantType.Department,
            RequestedAmount = 1_000_000,
            RecommendedAmount = stage is Stage.Recommended or Stage.Granted or Stage.Implemented or Stage.Evaluated ? 900_000 : null,
            GrantedAmount = stage is Stage.Granted or Stage.Implemented or Stage.Evaluated ? 900_000 : null,
            PeriodStart = new DateOnly(2026, 3, 1),
            PeriodEnd = new DateOnly(2026, 12, 31),
            ExpectedAnnualGain = 400_000,
            GainDescription = "Færre vikartimer.",
            Risks = "Leverandøren kan blive forsinket.",
            Viability = "Gevinsten finansierer driften.",
            EffectPlan = "Måling før og efter.",
        };
    }

    public static readonly Actor Caseworker = new("cw", "Sara Lund", Role.Caseworker, 1);
    public static readonly Actor Director = new("dg", "Niels Brandt", Role.DirectorGroup, null);
    public static readonly Actor Manager = new("mg", "Lene Friis", Role.Manager, null);
    public static readonly Actor Admin = new("ad", "Kirsten Holm", Role.Admin, null);
    public static readonly Actor MbuStaff = new("mbu", "Jonas Kjær", Role.DepartmentStaff, Mbu);
    public static readonly Actor MsoStaff = new("mso", "Helle Bach", Role.DepartmentStaff, Mso);

    public CaseWorkflow Workflow(Actor actor) =>
        new(new WorkflowContext(actor, Case, Pool, PoolRemaining, HasQualifyingAssessment, new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc)));

    /// <summary>Checks the trigger with <paramref name="data"/>, or with data that satisfies every data rule.</summary>
    public MoveCheck Check(Actor actor, Trigger trigger, MoveData? data = null)
    {
        var move = data ?? ValidData(trigger);
        Assert.Equal(trigger, move.Trigger);
        return Workflow(actor).Check(move);
    }

    /// <summary>Data that satisfies every data rule of the trigger in this scenario.</summary>
    public MoveData ValidData(Trigger trigger) => trigger switch
    {
        Trigger.SendBack => new SendBackData("Begrundelse."),
        Trigger.Reject => new RejectData("Begrundelse."),
        Trigger.Withdraw => new WithdrawData("Begrundelse."),
        Trigger.Recommend => new RecommendData(900_000),
        Trigger.Grant => new GrantData(900_000, null, null),
        Trigger.Complete => new CompleteData("Udrullet.", 850_000),
        Trigger.Evaluate => new EvaluateData(300_000, "Færre timer.", "Mål tidligt.", true),
        Trigger.Stop => new StopData("Virker ikke.", "Stop tidligt.", 100_000),
        _ => MoveData.Empty(trigger),
    };
}
