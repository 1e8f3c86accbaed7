using Stateless;

namespace InnovationCases.Domain.Workflow;

// How the machine is configured from the rules, and the diagram's machine.
public sealed partial class CaseWorkflow
{
    private CaseWorkflow(WorkflowContext ctx, bool forDiagram)
        : this(ctx with { ForDiagram = forDiagram })
    {
    }

    private GuardedConfiguration Configure(Stage stage) => new(this, _machine.Configure(stage), stage);

    /// <summary>
    /// Wraps Permit so every transition gets its trigger's rules as Stateless guards (so the machine
    /// itself refuses a move that breaks one). A machine lives for one operation and fires at most
    /// once, so only the moves out of the case's current stage can ever be checked; the others get a
    /// guard that always refuses instead of building their rules for nothing. The diagram's machine
    /// gets one guard per trigger, named by its rules' labels.
    /// </summary>
    private sealed class GuardedConfiguration(CaseWorkflow owner, StateMachine<Stage, Trigger>.StateConfiguration inner, Stage stage)
    {
        public GuardedConfiguration Permit(Trigger trigger, Stage to)
        {
            var guards = owner._ctx.ForDiagram
                ? [Tuple.Create<Func<MoveData?, bool>, string>(_ => true, Label(WorkflowRules.For(trigger, owner._ctx)))]
                : stage == owner._ctx.Case.Stage
                    ? owner.RulesOf(trigger).Select(r => Tuple.Create(r.Holds, r.Message)).ToArray()
                    : [Tuple.Create<Func<MoveData?, bool>, string>(_ => false, "not the current stage")];
            inner.PermitIf(owner._triggers[trigger], to, guards);
            return this;
        }

        // "caseworker, needs reason": the role's label, then what the move needs. Mermaid treats ';'
        // as a statement end, so labels are plain words and commas.
        private static string Label(IEnumerable<MoveRule> rules)
        {
            var labels = rules.Select(r => r.Label).OfType<string>().Distinct().ToList();
            var needs = labels.Skip(1).ToList();
            return needs.Count == 0 ? labels[0] : $"{labels[0]}, needs {string.Join(", ", needs)}";
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
        var pool = new Pool { Id = 1, Kind = PoolKind.CrossCutting, Budget = 0 };
        var c = new InnovationCase { Stage = Stage.Submitted, LeadDepartmentId = 1, Pool = pool };
        var ctx = new WorkflowContext(new Actor("", "", Role.Caseworker, null), c, pool, 0, false, DateTime.UnixEpoch);
        return new CaseWorkflow(ctx, forDiagram: true)._machine;
    }
}
