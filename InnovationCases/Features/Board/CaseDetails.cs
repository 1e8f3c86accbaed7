using InnovationCases.Domain;

namespace InnovationCases.Features.Board;

/// <summary>The side panel's facts about one case. <see cref="Assessments"/> is null when the user may not see them.</summary>
public sealed record CaseDetails(
    InnovationCase Case,
    IReadOnlyList<string> PartnerDepartments,
    IReadOnlyList<Assessment>? Assessments,
    IReadOnlyList<CaseEvent> Events)
{
}
