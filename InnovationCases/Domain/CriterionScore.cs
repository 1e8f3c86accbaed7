namespace InnovationCases.Domain;

/// <summary>One criterion's score (1–5) and comment within an assessment.</summary>
public sealed class CriterionScore
{
    public const int Min = 1;
    public const int Max = 5;

    public Criterion Criterion { get; set; }
    public int Score { get; set; }
    public string Comment { get; set; } = "";
}
