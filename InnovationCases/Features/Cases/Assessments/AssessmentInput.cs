using InnovationCases.Domain;

namespace InnovationCases.Features.Cases.Assessments;

/// <summary>What a director group member enters when scoring a case.</summary>
public sealed class AssessmentInput
{
    public bool? MainCriterionMet { get; set; }
    public Dictionary<Criterion, int?> Scores { get; set; } = Enum.GetValues<Criterion>().ToDictionary(c => c, _ => (int?)null);
    public Dictionary<Criterion, string> Comments { get; set; } = Enum.GetValues<Criterion>().ToDictionary(c => c, _ => "");
    public string Comment { get; set; } = "";
}
