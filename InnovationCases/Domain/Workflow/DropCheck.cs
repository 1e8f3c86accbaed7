namespace InnovationCases.Domain.Workflow;

/// <summary>
/// The answer to a board drop: the one move that leads to the target stage and whether the actor
/// may make it (<see cref="Move"/>), or, when no move leads there, why (<see cref="Refusal"/>).
/// </summary>
public sealed record DropCheck(MoveCheck? Move, string? Refusal)
{
    public bool Allowed => Move?.Allowed == true;

    public IReadOnlyList<string> Reasons => Move?.Reasons ?? [Refusal!];
}
