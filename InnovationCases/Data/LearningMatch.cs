namespace InnovationCases.Data;

/// <summary>A knowledge-bank entry (by its case) that matches a search text, and how well: higher is better.</summary>
public sealed class LearningMatch
{
    public int CaseId { get; init; }
    public double Score { get; init; }
}
