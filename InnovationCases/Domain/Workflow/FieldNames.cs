namespace InnovationCases.Domain.Workflow;

/// <summary>Names of <see cref="TransitionData"/> fields that a guard can point at, for field-level messages.</summary>
public static class FieldNames
{
    public const string Reason = nameof(TransitionData.Reason);
    public const string Amount = nameof(TransitionData.Amount);
    public const string CouncilDecisionDate = nameof(TransitionData.CouncilDecisionDate);
    public const string CouncilDecisionReference = nameof(TransitionData.CouncilDecisionReference);
    public const string ImplementationNote = nameof(TransitionData.ImplementationNote);
    public const string ActualSpend = nameof(TransitionData.ActualSpend);
    public const string RealisedAnnualGain = nameof(TransitionData.RealisedAnnualGain);
    public const string DocumentedEffects = nameof(TransitionData.DocumentedEffects);
    public const string LessonsLearned = nameof(TransitionData.LessonsLearned);
    public const string LivesOn = nameof(TransitionData.LivesOn);
    public const string Note = nameof(TransitionData.Note);
}
