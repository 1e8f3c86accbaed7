namespace InnovationCases.Domain;

/// <summary>The moves of the workflow (DESIGN.md's table).</summary>
public enum Trigger
{
    Screen,
    SendBack,
    Recommend,
    Grant,
    Complete,
    Evaluate,
    Stop,
    Reject,
    Withdraw,
}
