namespace InnovationCases.Domain;

/// <summary>A yearly account of a granted project's effect; the Evaluate move's report is the final one.</summary>
public sealed class EffectReport
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int Year { get; set; }
    public long RealisedAnnualGain { get; set; }
    public string Narrative { get; set; } = "";
    public string LessonsLearned { get; set; } = "";
    public bool? LivesOn { get; set; }
    public bool IsFinal { get; set; }
    public required string ReportedByUserId { get; set; }
    public required string ReportedByName { get; set; }
    public DateTime CreatedAt { get; set; }
}
