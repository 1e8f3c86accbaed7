namespace InnovationCases.Domain.Workflow;

/// <summary>
/// What a move carries. Each trigger uses the fields it needs (DESIGN.md's table); the workflow's
/// guards say which are missing. Null passed as data means "not given yet": only the role and the
/// case's own preconditions are checked, which is how the UI asks what is possible.
/// </summary>
public sealed record TransitionData
{
    /// <summary>Reason for SendBack, Reject, Withdraw and Stop.</summary>
    public string? Reason { get; init; }

    /// <summary>Recommended amount (Recommend) or granted amount (Grant), whole kroner.</summary>
    public long? Amount { get; init; }

    public DateOnly? CouncilDecisionDate { get; init; }
    public string? CouncilDecisionReference { get; init; }

    /// <summary>What was implemented (Complete).</summary>
    public string? ImplementationNote { get; init; }

    /// <summary>Actual spend in whole kroner (Complete and Stop).</summary>
    public long? ActualSpend { get; init; }

    // The final effect report (Evaluate); lessons also for Stop.
    public long? RealisedAnnualGain { get; init; }
    public string? DocumentedEffects { get; init; }
    public string? LessonsLearned { get; init; }
    public bool? LivesOn { get; init; }

    /// <summary>A free note for the event log, for any move.</summary>
    public string? Note { get; init; }
}
