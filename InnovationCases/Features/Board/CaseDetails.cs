using InnovationCases.Domain;

namespace InnovationCases.Features.Board;

/// <summary>The side panel's facts about one case. <see cref="Assessments"/> is null when the user may not see them.</summary>
public sealed record CaseDetails(
    InnovationCase Case,
    IReadOnlyList<string> PartnerDepartments,
    IReadOnlyList<Assessment>? Assessments,
    IReadOnlyList<CaseEvent> Events)
{
    /// <summary>Assessments are internal to the secretariat and the director group: department staff do not see them.</summary>
    public static bool MaySeeAssessments(Actor actor) => actor.Role is Role.Caseworker or Role.DirectorGroup or Role.Manager or Role.Admin;
}
