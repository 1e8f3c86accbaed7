namespace InnovationCases.Features.Moves;

/// <summary>The case columns a move may write besides its stage: compared before and after firing to write only what changed.</summary>
internal sealed record MoveColumns(
    long? RecommendedAmount,
    long? GrantedAmount,
    DateOnly? CouncilDecisionDate,
    string? CouncilDecisionReference,
    string? ImplementationNote,
    long? ActualSpend,
    DateTime? GrantedAt)
{
    public static MoveColumns Of(Domain.InnovationCase c) =>
        new(c.RecommendedAmount, c.GrantedAmount, c.CouncilDecisionDate, c.CouncilDecisionReference, c.ImplementationNote, c.ActualSpend, c.GrantedAt);
}
