namespace InnovationCases.Domain;

/// <summary>A director group member's scoring of a screened case against the seven criteria.</summary>
public sealed class Assessment
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public required string AssessorUserId { get; set; }
    public required string AssessorName { get; set; }
    public int? AssessorDepartmentId { get; set; }
    public bool MainCriterionMet { get; set; }
    public List<CriterionScore> Scores { get; set; } = [];
    public string Comment { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public decimal? AverageScore => Scores.Count == 0 ? null : Math.Round((decimal)Scores.Sum(s => s.Score) / Scores.Count, 2);
}
