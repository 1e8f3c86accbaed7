using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;

namespace InnovationCases.Features.Board;

/// <summary>
/// Which moves a user may make on a card, asked of the workflow itself (<see cref="CaseWorkflow.Options"/>)
/// from the facts the board already read: no query per card. Only the role and the case's own
/// preconditions decide here; a move's data (amounts, the pool's remaining budget against the
/// amount) is checked by the workflow service when the move is fired.
/// </summary>
public static class BoardMoves
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    /// <summary>
    /// The permitted moves. An allowed move has no reasons and no field errors: they share one empty
    /// list and dictionary, since every open board keeps a list per card.
    /// </summary>
    public static IReadOnlyList<MoveCheck> Permitted(BoardItem item, Actor actor, long poolRemaining, DateTime now)
    {
        var permitted = Workflow(item, actor, poolRemaining, now).Options()
            .Where(o => o.Allowed && o.Target is not null)
            .Select(o => new MoveCheck(o.Trigger, o.Target, true, [], NoErrors))
            .ToArray();
        return permitted.Length == 0 ? [] : permitted;
    }

    /// <summary>A drop of the card on a stage, answered by the workflow from what the board holds: a refusal takes no database write.</summary>
    public static DropCheck Drop(BoardItem item, Stage target, Actor actor, long poolRemaining, DateTime now) =>
        Workflow(item, actor, poolRemaining, now).CheckDrop(target);

    private static CaseWorkflow Workflow(BoardItem item, Actor actor, long poolRemaining, DateTime now) =>
        new(new WorkflowContext(actor, item.ToWorkflowCase(), item.ToPool(), poolRemaining, item.HasQualifyingAssessment, now));
}
