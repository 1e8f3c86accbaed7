using Stateless;

namespace InnovationCases.Domain.Workflow;

// How the machine is configured from the rules, and the diagram's machine.
public sealed partial class CaseWorkflow
{
    private CaseWorkflow(WorkflowContext ctx, bool forDiagram)
        : this(ctx with { ForDiagram = forDiagram })
    {
    }

    // DESIGN.md's workflow: every move, from where to where.
    private static readonly (Stage From, Trigger Trigger, Stage To)[] Transitions =
    [
        (Stage.Submitted, Trigger.Screen, Stage.Screened),
        (Stage.Submitted, Trigger.Reject, Stage.Rejected),
        (Stage.Submitted, Trigger.Withdraw, Stage.Withdrawn),
        (Stage.Screened, Trigger.SendBack, Stage.Submitted),
        (Stage.Screened, Trigger.Recommend, Stage.Recommended),
        (Stage.Screened, Trigger.Reject, Stage.Rejected),
        (Stage.Screened, Trigger.Withdraw, Stage.Withdrawn),
        (Stage.Recommended, Trigger.Grant, Stage.Granted),
        (Stage.Recommended, Trigger.Reject, Stage.Rejected),
        (Stage.Recommended, Trigger.Withdraw, Stage.Withdrawn),
        (Stage.Granted, Trigger.Complete, Stage.Implemented),
        (Stage.Granted, Trigger.Stop, Stage.Stopped),
        (Stage.Implemented, Trigger.Evaluate, Stage.Evaluated),
    ];

    private static readonly Lazy<IReadOnlyDictionary<(Stage From, Trigger Trigger), Stage>> Graph =
        new(() => Transitions.ToDictionary(t => (t.From, t.Trigger), t => t.To));

    /// <summary>
    /// Permits a move with its trigger's rules as the Stateless guard, so the machine itself refuses
    /// a move that breaks one. The rules are built when the guard is first asked (<see cref="RulesOf"/>):
    /// a move asks for its own trigger only. The diagram's machine gets the guard named by its rules' labels.
    /// </summary>
    private void Permit(Stage from, Trigger trigger, Stage to)
    {
        if (!_triggers.TryGetValue(trigger, out var t))
        {
            t = _machine.SetTriggerParameters<MoveData?>(trigger);
            _triggers[trigger] = t;
        }

        if (_ctx.ForDiagram)
        {
            _machine.Configure(from).PermitIf(t, to, _ => true, Label(WorkflowRules.For(trigger, _ctx)));
        }
        else
        {
            _machine.Configure(from).PermitIf(t, to, d => RulesOf(trigger).All(r => r.Holds(d)), trigger.ToString());
        }
    }

    // "caseworker, needs reason": the role's label, then what the move needs. Mermaid treats ';'
    // as a statement end, so labels are plain words and commas.
    private static string Label(IEnumerable<MoveRule> rules)
    {
        var labels = rules.Select(r => r.Label).OfType<string>().Distinct().ToList();
        var needs = labels.Skip(1).ToList();
        return needs.Count == 0 ? labels[0] : $"{labels[0]}, needs {string.Join(", ", needs)}";
    }

    private static StateMachine<Stage, Trigger> DiagramMachine()
    {
        var pool = new Pool { Id = 1, Kind = PoolKind.CrossCutting, Budget = 0 };
        var c = new InnovationCase { Stage = Stage.Submitted, LeadDepartmentId = 1, Pool = pool };
        var ctx = new WorkflowContext(new Actor("", "", Role.Caseworker, null), c, pool, 0, false, DateTime.UnixEpoch);
        return new CaseWorkflow(ctx, forDiagram: true)._machine;
    }
}
