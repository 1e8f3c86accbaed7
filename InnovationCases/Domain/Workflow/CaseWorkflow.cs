using InnovationCases.Resources;
using Stateless;
using Stateless.Graph;
using Stateless.Reflection;

namespace InnovationCases.Domain.Workflow;

/// <summary>
/// The workflow of DESIGN.md as one Stateless machine over the case's stage (external state
/// storage), built per operation and never kept. Each trigger carries its own small data record
/// (<see cref="MoveData"/>); its rules (<see cref="WorkflowRules"/>) are the machine's guards, each
/// with the Danish reason a refused user sees and the field it belongs to. The UI asks this class
/// what is possible instead of repeating rules, and a board drop is resolved here too.
/// </summary>
public sealed partial class CaseWorkflow
{
    private readonly WorkflowContext _ctx;
    private readonly StateMachine<Stage, Trigger> _machine;
    private readonly Dictionary<Trigger, StateMachine<Stage, Trigger>.TriggerWithParameters<MoveData?>> _triggers = [];
    private readonly Dictionary<Trigger, IReadOnlyList<MoveRule>> _rules = [];
    private bool _fired;

    public CaseWorkflow(WorkflowContext ctx)
    {
        _ctx = ctx;
        var c = ctx.Case;
        _machine = new StateMachine<Stage, Trigger>(() => c.Stage, s => c.Stage = s);
        // A case's machine fires at most once, so it is configured with the moves out of the case's
        // stage only (and the entry actions of where they lead); the diagram's with every move.
        foreach (var (from, trigger, to) in Transitions)
        {
            if (ctx.ForDiagram || from == c.Stage)
            {
                Permit(from, trigger, to);
            }
        }

        if (ctx.ForDiagram)
        {
            foreach (var end in new[] { Stage.Evaluated, Stage.Rejected, Stage.Withdrawn, Stage.Stopped })
            {
                _machine.Configure(end);
            }
        }

        OnEntry<RecommendData>(Stage.Recommended, Trigger.Recommend, d => c.RecommendedAmount = d.Amount, "record recommended amount");
        OnEntry<GrantData>(Stage.Granted, Trigger.Grant, d =>
        {
            c.GrantedAmount = d.Amount;
            c.CouncilDecisionDate = d.CouncilDecisionDate;
            c.CouncilDecisionReference = d.CouncilDecisionReference?.Trim();
            c.GrantedAt = ctx.Now;

            // Every granted case measures its realised gain, so realised-versus-expected comes from measurements.
            c.Indicators.Add(Delivery.Indicator.RealisedGain(c, ctx.Now));
        }, "record grant and council decision");
        OnEntry<CompleteData>(Stage.Implemented, Trigger.Complete, d =>
        {
            c.ImplementationNote = d.ImplementationNote?.Trim();
            c.ActualSpend = d.ActualSpend;
        }, "record implementation and spend");
        OnEntry<EvaluateData>(Stage.Evaluated, Trigger.Evaluate,
            d => c.EffectReports.Add(FinalReport(d.LessonsLearned, d.RealisedAnnualGain ?? 0, d.DocumentedEffects, d.LivesOn)),
            "add final effect report");
        OnEntry<StopData>(Stage.Stopped, Trigger.Stop, d =>
        {
            c.ActualSpend = d.ActualSpend;
            c.EffectReports.Add(FinalReport(d.LessonsLearned, 0, d.Reason, livesOn: false));
        }, "record spend and lessons");
        _machine.OnTransitioned(_ => c.StageChangedAt = ctx.Now);
    }

    /// <summary>The stage a trigger leads to from a stage, or null when the workflow has no such move.</summary>
    public static Stage? Target(Stage from, Trigger trigger) =>
        Graph.Value.TryGetValue((from, trigger), out var to) ? to : null;

    /// <summary>The trigger that moves a case from one stage to another, if the workflow has one.</summary>
    public static Trigger? TriggerFor(Stage from, Stage to) =>
        Graph.Value.Where(e => e.Key.From == from && e.Value == to).Select(e => (Trigger?)e.Key.Trigger).FirstOrDefault();

    /// <summary>The triggers the workflow has from a stage, regardless of who asks.</summary>
    public static IReadOnlyList<Trigger> TriggersFrom(Stage from) =>
        Graph.Value.Keys.Where(k => k.From == from).Select(k => k.Trigger).Order().ToList();

    /// <summary>The workflow as a Mermaid state diagram, generated from the machine and its rules' labels.</summary>
    public static string MermaidDiagram() => MermaidGraph.Format(DiagramMachine().GetInfo());

    /// <summary>May the actor fire the trigger at all now (no data given yet: only the actor and the case's preconditions count)?</summary>
    public MoveCheck Check(Trigger trigger) => Check(trigger, null);

    /// <summary>May the actor make this move now, with this data?</summary>
    public MoveCheck Check(MoveData data) => Check(data.Trigger, data);

    /// <summary>Every move the workflow has from the case's stage, each allowed or with the reasons it is not.</summary>
    public IReadOnlyList<MoveCheck> Options() =>
        TriggersFrom(_ctx.Case.Stage).Select(Check).ToList();

    /// <summary>
    /// A board drop onto <paramref name="target"/>: the one move that leads there (not yet checked
    /// with data), or a refusal saying why the case cannot go there — the same stage, a closed case,
    /// a skipped stage, or a move backwards other than SendBack.
    /// </summary>
    public DropCheck CheckDrop(Stage target)
    {
        var from = _ctx.Case.Stage;
        if (from == target)
        {
            return new DropCheck(null, string.Format(WorkflowText.SameStage, from.Label()));
        }

        if (!from.IsActive())
        {
            return new DropCheck(null, string.Format(WorkflowText.CaseIsClosed, from.Label()));
        }

        if (TriggerFor(from, target) is { } t)
        {
            return new DropCheck(Check(t), null);
        }

        var backwards = !target.IsClosed() && StageExtensions.Open.ToList().IndexOf(target) < StageExtensions.Open.ToList().IndexOf(from);
        return new DropCheck(null, string.Format(backwards ? WorkflowText.CannotMoveBack : WorkflowText.CannotSkip, from.Label(), target.Label()));
    }

    /// <summary>
    /// Makes a move that <see cref="Check(MoveData)"/> allows: changes the stage and records the
    /// data on the case. Callers check first: firing a refused move is a programming error.
    /// </summary>
    public void Fire(MoveData data)
    {
        var check = Check(data);
        if (!check.Allowed)
        {
            throw new InvalidOperationException($"{data.Trigger} was not allowed: {string.Join(" ", check.Reasons)}");
        }

        _fired = true;
        _machine.Fire(_triggers[data.Trigger], data);
    }

    private MoveCheck Check(Trigger trigger, MoveData? data)
    {
        if (_fired)
        {
            throw new InvalidOperationException("A workflow fires once; build a new one for the next move.");
        }

        var from = _ctx.Case.Stage;
        var target = Target(from, trigger);
        if (!from.IsActive())
        {
            return MoveCheck.Refused(trigger, target, string.Format(WorkflowText.CaseIsClosed, from.Label()));
        }

        if (target is null)
        {
            return MoveCheck.Refused(trigger, null, string.Format(WorkflowText.TriggerNotFromStage, trigger.Label(), from.Label()));
        }

        var broken = RulesOf(trigger).Where(r => !r.Holds(data)).ToList();
        if (broken.Count == 0)
        {
            return new MoveCheck(trigger, target, true, [], new Dictionary<string, string>());
        }

        var fields = new Dictionary<string, string>();
        foreach (var r in broken.Where(r => r.Field is not null))
        {
            fields.TryAdd(r.Field!, r.Message);
        }

        return new MoveCheck(trigger, target, false, broken.Select(r => r.Message).Distinct().ToList(), fields);
    }

    private IReadOnlyList<MoveRule> RulesOf(Trigger trigger)
    {
        if (!_rules.TryGetValue(trigger, out var rules))
        {
            rules = WorkflowRules.For(trigger, _ctx).ToList();
            _rules[trigger] = rules;
        }

        return rules;
    }

    private void OnEntry<T>(Stage stage, Trigger trigger, Action<T> record, string description)
        where T : MoveData
    {
        // Only for a trigger this machine can fire (one out of the case's stage).
        if (_triggers.TryGetValue(trigger, out var t))
        {
            _machine.Configure(stage).OnEntryFrom(t, d => record((T)d!), description);
        }
    }

    private EffectReport FinalReport(string? lessons, long realised, string? narrative, bool? livesOn) => new()
    {
        Year = _ctx.Today.Year,
        RealisedAnnualGain = realised,
        Narrative = narrative?.Trim() ?? "",
        LessonsLearned = lessons?.Trim() ?? "",
        LivesOn = livesOn,
        IsFinal = true,
        ReportedByUserId = _ctx.Actor.UserId,
        ReportedByName = _ctx.Actor.Name,
        CreatedAt = _ctx.Now,
    };
}
