using InnovationCases.Resources;
using Stateless;
using Stateless.Graph;
using Stateless.Reflection;

namespace InnovationCases.Domain.Workflow;

/// <summary>
/// The workflow of DESIGN.md as one Stateless machine over the case's stage (external state
/// storage), built per operation and never kept. Every trigger carries <see cref="TransitionData"/>;
/// its guards are the role check, the case's preconditions and the data rules, each with the Danish
/// reason a refused user sees. The UI asks this class what is possible instead of repeating rules.
/// </summary>
public sealed class CaseWorkflow
{
    private readonly WorkflowContext _ctx;
    private readonly StateMachine<Stage, Trigger> _machine;
    private readonly Dictionary<Trigger, StateMachine<Stage, Trigger>.TriggerWithParameters<TransitionData?>> _triggers = [];
    private readonly Dictionary<(Trigger, string), string?> _fieldByMessage = [];
    private readonly bool _forDiagram;
    private bool _fired;

    private static readonly Lazy<IReadOnlyDictionary<(Stage From, Trigger Trigger), Stage>> Graph = new(ReadGraph);

    public CaseWorkflow(WorkflowContext ctx)
        : this(ctx, forDiagram: false)
    {
    }

    private CaseWorkflow(WorkflowContext ctx, bool forDiagram)
    {
        _ctx = ctx;
        _forDiagram = forDiagram;
        var c = ctx.Case;
        _machine = new StateMachine<Stage, Trigger>(() => c.Stage, s => c.Stage = s);
        foreach (var t in Enum.GetValues<Trigger>())
        {
            _triggers[t] = _machine.SetTriggerParameters<TransitionData?>(t);
        }

        Configure(Stage.Submitted)
            .Permit(Trigger.Screen, Stage.Screened)
            .Permit(Trigger.Reject, Stage.Rejected)
            .Permit(Trigger.Withdraw, Stage.Withdrawn);
        Configure(Stage.Screened)
            .Permit(Trigger.SendBack, Stage.Submitted)
            .Permit(Trigger.Recommend, Stage.Recommended)
            .Permit(Trigger.Reject, Stage.Rejected)
            .Permit(Trigger.Withdraw, Stage.Withdrawn);
        Configure(Stage.Recommended)
            .Permit(Trigger.Grant, Stage.Granted)
            .Permit(Trigger.Reject, Stage.Rejected)
            .Permit(Trigger.Withdraw, Stage.Withdrawn);
        Configure(Stage.Granted)
            .Permit(Trigger.Complete, Stage.Implemented)
            .Permit(Trigger.Stop, Stage.Stopped);
        Configure(Stage.Implemented)
            .Permit(Trigger.Evaluate, Stage.Evaluated);
        foreach (var end in new[] { Stage.Evaluated, Stage.Rejected, Stage.Withdrawn, Stage.Stopped })
        {
            _machine.Configure(end);
        }

        _machine.Configure(Stage.Recommended)
            .OnEntryFrom(_triggers[Trigger.Recommend], d => c.RecommendedAmount = d!.Amount, "record recommended amount");
        _machine.Configure(Stage.Granted)
            .OnEntryFrom(_triggers[Trigger.Grant], d =>
            {
                c.GrantedAmount = d!.Amount;
                c.CouncilDecisionDate = d.CouncilDecisionDate;
                c.CouncilDecisionReference = d.CouncilDecisionReference?.Trim();
            }, "record grant and council decision");
        _machine.Configure(Stage.Implemented)
            .OnEntryFrom(_triggers[Trigger.Complete], d =>
            {
                c.ImplementationNote = d!.ImplementationNote?.Trim();
                c.ActualSpend = d.ActualSpend;
            }, "record implementation and spend");
        _machine.Configure(Stage.Evaluated)
            .OnEntryFrom(_triggers[Trigger.Evaluate], d => c.EffectReports.Add(FinalReport(d!, d!.RealisedAnnualGain ?? 0, d.DocumentedEffects, d.LivesOn)), "add final effect report");
        _machine.Configure(Stage.Stopped)
            .OnEntryFrom(_triggers[Trigger.Stop], d =>
            {
                c.ActualSpend = d!.ActualSpend;
                c.EffectReports.Add(FinalReport(d, 0, d.Reason, livesOn: false));
            }, "record spend and lessons");
        _machine.OnTransitioned(_ => c.StageChangedAt = ctx.Now);
    }

    /// <summary>The stage a trigger leads to from a stage, or null when the workflow has no such move.</summary>
    public static Stage? Target(Stage from, Trigger trigger) =>
        Graph.Value.TryGetValue((from, trigger), out var to) ? to : null;

    /// <summary>The trigger that moves a case from one stage to another (a board drop), if any.</summary>
    public static Trigger? TriggerFor(Stage from, Stage to) =>
        Graph.Value.Where(e => e.Key.From == from && e.Value == to).Select(e => (Trigger?)e.Key.Trigger).FirstOrDefault();

    /// <summary>The triggers the workflow has from a stage, regardless of who asks.</summary>
    public static IReadOnlyList<Trigger> TriggersFrom(Stage from) =>
        Graph.Value.Keys.Where(k => k.From == from).Select(k => k.Trigger).Order().ToList();

    /// <summary>The workflow as a Mermaid state diagram, generated from the machine itself.</summary>
    public static string MermaidDiagram() => MermaidGraph.Format(DiagramMachine().GetInfo());

    /// <summary>May the actor fire the trigger now, with this data (null: is it possible at all)?</summary>
    public MoveCheck Check(Trigger trigger, TransitionData? data)
    {
        if (_fired)
        {
            throw new InvalidOperationException("A workflow fires once; build a new one for the next move.");
        }

        var from = _ctx.Case.Stage;
        var target = Target(from, trigger);
        if (from.IsClosed() || from == Stage.Evaluated)
        {
            return MoveCheck.Refused(trigger, target, string.Format(WorkflowText.CaseIsClosed, from.Label()));
        }

        if (target is null)
        {
            return MoveCheck.Refused(trigger, null, string.Format(WorkflowText.TriggerNotFromStage, trigger.Label(), from.Label()));
        }

        if (_machine.CanFire(_triggers[trigger], data, out var unmet))
        {
            return new MoveCheck(trigger, target, true, [], new Dictionary<string, string>());
        }

        var reasons = unmet.Distinct().ToList();
        var fields = new Dictionary<string, string>();
        foreach (var r in reasons)
        {
            if (_fieldByMessage.GetValueOrDefault((trigger, r)) is { } field)
            {
                fields.TryAdd(field, r);
            }
        }

        return new MoveCheck(trigger, target, false, reasons, fields);
    }

    /// <summary>Every move the workflow has from the case's stage, each allowed or with the reasons it is not.</summary>
    public IReadOnlyList<MoveCheck> Options() =>
        TriggersFrom(_ctx.Case.Stage).Select(t => Check(t, null)).ToList();

    /// <summary>
    /// Fires a trigger that <see cref="Check"/> allowed with the same data; changes the stage and
    /// records the data on the case. Callers check first: firing a refused move is a programming error.
    /// </summary>
    public void Fire(Trigger trigger, TransitionData data)
    {
        if (_fired)
        {
            throw new InvalidOperationException("A workflow fires once; build a new one for the next move.");
        }

        var check = Check(trigger, data);
        if (!check.Allowed)
        {
            throw new InvalidOperationException($"{trigger} was not allowed: {string.Join(" ", check.Reasons)}");
        }

        _fired = true;
        _machine.Fire(_triggers[trigger], data);
    }

    private GuardedConfiguration Configure(Stage stage) => new(this, _machine.Configure(stage), stage);

    private EffectReport FinalReport(TransitionData d, long realised, string? narrative, bool? livesOn) => new()
    {
        Year = _ctx.Now.Year,
        RealisedAnnualGain = realised,
        Narrative = narrative?.Trim() ?? "",
        LessonsLearned = d.LessonsLearned?.Trim() ?? "",
        LivesOn = livesOn,
        IsFinal = true,
        ReportedByUserId = _ctx.Actor.UserId,
        ReportedByName = _ctx.Actor.Name,
        CreatedAt = _ctx.Now,
    };

    private Tuple<Func<TransitionData?, bool>, string>[] Guards(Trigger trigger)
    {
        if (_forDiagram)
        {
            // The README's picture names each trigger's guards in one line instead of every message.
            return [Tuple.Create<Func<TransitionData?, bool>, string>(_ => true, GuardSummary(trigger))];
        }

        var rules = WorkflowRules.For(trigger, _ctx).ToList();
        foreach (var r in rules)
        {
            _fieldByMessage[(trigger, r.Message)] = r.Field;
        }

        return rules.Select(r => Tuple.Create(r.Holds, r.Message)).ToArray();
    }

    /// <summary>
    /// Wraps Permit so every transition gets the trigger's guards. A machine lives for one operation
    /// and fires at most once, so only the moves out of the case's current stage can ever be checked;
    /// the others get a guard that always refuses instead of building their messages for nothing.
    /// </summary>
    private sealed class GuardedConfiguration(CaseWorkflow owner, StateMachine<Stage, Trigger>.StateConfiguration inner, Stage stage)
    {
        public GuardedConfiguration Permit(Trigger trigger, Stage to)
        {
            var guards = owner._forDiagram || stage == owner._ctx.Case.Stage
                ? owner.Guards(trigger)
                : [Tuple.Create<Func<TransitionData?, bool>, string>(_ => false, "not the current stage")];
            inner.PermitIf(owner._triggers[trigger], to, guards);
            return this;
        }
    }

    private static IReadOnlyDictionary<(Stage, Trigger), Stage> ReadGraph()
    {
        var graph = new Dictionary<(Stage, Trigger), Stage>();
        foreach (var state in DiagramMachine().GetInfo().States)
        {
            foreach (var t in state.FixedTransitions)
            {
                graph[((Stage)state.UnderlyingState, (Trigger)t.Trigger.UnderlyingTrigger)] = (Stage)t.DestinationState.UnderlyingState;
            }
        }

        return graph;
    }

    private static StateMachine<Stage, Trigger> DiagramMachine()
    {
        var dept = new Department { Id = 1, Name = "", Code = "" };
        var pool = new Pool { Id = 1, Kind = PoolKind.CrossCutting, Budget = 0 };
        var c = new InnovationCase { Stage = Stage.Submitted, LeadDepartmentId = dept.Id, Pool = pool };
        var ctx = new WorkflowContext(new Actor("", "", Role.Caseworker, null), c, pool, 0, false, DateTime.UnixEpoch);
        return new CaseWorkflow(ctx, forDiagram: true)._machine;
    }

    // Mermaid treats ';' as a statement end, so these are plain words and commas.
    private static string GuardSummary(Trigger trigger) => trigger switch
    {
        Trigger.Screen => "caseworker, needs business case, risks, viability, effect plan, lead department",
        Trigger.SendBack => "caseworker, needs reason",
        Trigger.Recommend => "director group or caseworker, cross-cutting needs an assessment meeting the main criterion, amount above 0 and at most requested",
        Trigger.Grant => "caseworker, amount at most recommended and pool remaining, cross-cutting above 2 mio. or multi-year needs council decision",
        Trigger.Complete => "caseworker or lead department, needs what was implemented and actual spend",
        Trigger.Evaluate => "caseworker, needs effect report",
        Trigger.Stop => "caseworker, needs reason, lessons, actual spend at most granted",
        Trigger.Reject => "caseworker, or director group from Screened and Recommended, needs reason",
        Trigger.Withdraw => "lead department or caseworker, needs reason",
        _ => "",
    };
}
