using InnovationCases.Domain;

namespace InnovationCases.Features.Moves;

/// <summary>What the move dialog needs to know about the case: read by the board card or case page it came from.</summary>
public sealed record MoveRequest(
    string CaseNumber,
    string Title,
    Trigger Trigger,
    int Version,
    PoolKind PoolKind,
    bool IsMultiYear,
    long RequestedAmount,
    long? RecommendedAmount,
    long? GrantedAmount)
{
    public static MoveRequest For(InnovationCase c, PoolKind poolKind, Trigger trigger) =>
        new(c.CaseNumber, c.Title, trigger, c.Version, poolKind, c.IsMultiYear, c.RequestedAmount, c.RecommendedAmount, c.GrantedAmount);

    /// <summary>Screen carries no data: it is fired at once, without a dialog.</summary>
    public bool NeedsDialog => Trigger != Trigger.Screen;
}
