namespace InnovationCases.Domain.Workflow;

/// <summary>The move data fields a rule can point at, for messages next to the field.</summary>
public static class FieldNames
{
    public const string Reason = nameof(ReasonedMove.Reason);
    public const string Amount = nameof(GrantData.Amount);
    public const string CouncilDecisionDate = nameof(GrantData.CouncilDecisionDate);
    public const string CouncilDecisionReference = nameof(GrantData.CouncilDecisionReference);
    public const string ImplementationNote = nameof(CompleteData.ImplementationNote);
    public const string ActualSpend = nameof(CompleteData.ActualSpend);
    public const string RealisedAnnualGain = nameof(EvaluateData.RealisedAnnualGain);
    public const string DocumentedEffects = nameof(EvaluateData.DocumentedEffects);
    public const string LessonsLearned = nameof(EvaluateData.LessonsLearned);
    public const string LivesOn = nameof(EvaluateData.LivesOn);
    public const string Note = nameof(MoveData.Note);
}
