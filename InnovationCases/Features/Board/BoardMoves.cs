using System.Collections.Concurrent;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;

namespace InnovationCases.Features.Board;

/// <summary>
/// Which moves a user may make on a card, asked of the workflow itself (<see cref="CaseWorkflow.Options"/>)
/// from the facts the board already read: no query per card. Only the role and the case's own
/// preconditions decide here; a move's data (amounts, the pool's remaining budget against the
/// amount) is checked by the workflow service when the move is fired, so the board reads no pool ledger.
/// </summary>
public static class BoardMoves
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    // An allowed move is only its trigger and target, so the few lists that occur are made once and
    // shared by every card of every open board (each board keeps one per card). A card whose moves
    // are recomputed then gets the same list back, and does not re-render for it.
    private static readonly ConcurrentDictionary<string, IReadOnlyList<MoveCheck>> Shared = new();

    /// <summary>
    /// The permitted moves: an allowed move has no reasons and no field errors, and equal lists are
    /// one shared instance.
    /// </summary>
    public static IReadOnlyList<MoveCheck> Permitted(BoardItem item, Actor actor, DateTime now)
    {
        var permitted = Workflow(item, actor, now).Options()
            .Where(o => o.Allowed && o.Target is not null)
            .Select(o => (o.Trigger, Target: o.Target!.Value))
            .ToArray();
        if (permitted.Length == 0)
        {
            return [];
        }

        var key = string.Join(",", permitted.Select(p => $"{p.Trigger}>{p.Target}"));
        return Shared.GetOrAdd(key, _ => permitted.Select(p => new MoveCheck(p.Trigger, p.Target, true, [], NoErrors)).ToArray());
    }

    /// <summary>A drop of the card on a stage, answered by the workflow from what the board holds: a refusal takes no database write.</summary>
    public static DropCheck Drop(BoardItem item, Stage target, Actor actor, DateTime now) =>
        Workflow(item, actor, now).CheckDrop(target);

    // The pool's remaining budget is a rule on a move's data (the granted amount), and rules on data
    // hold while no data is given: the board's question never reads it, so the board never reads the
    // pool ledger (an aggregate over every case of the pool, at every load and every live change).
    // The workflow service reads it when the move is fired with its amount.
    private const long PoolRemainingNotRead = long.MaxValue;

    private static CaseWorkflow Workflow(BoardItem item, Actor actor, DateTime now) =>
        new(new WorkflowContext(actor, item.ToWorkflowCase(), item.ToPool(), PoolRemainingNotRead, item.HasQualifyingAssessment, now));
}
