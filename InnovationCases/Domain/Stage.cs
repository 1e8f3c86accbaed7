namespace InnovationCases.Domain;

/// <summary>Where a case is in the workflow. The order of the open stages is the board's column order.</summary>
public enum Stage
{
    Submitted,
    Screened,
    Recommended,
    Granted,
    Implemented,
    Evaluated,
    Rejected,
    Withdrawn,
    Stopped,
}
