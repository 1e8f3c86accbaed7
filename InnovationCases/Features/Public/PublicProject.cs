using InnovationCases.Domain;

namespace InnovationCases.Features.Public;

/// <summary>
/// A published project's public facts, and nothing else: never contact persons, assessments, notes,
/// advice or the application's internal texts. The indicators' outcome is figures only (no notes).
/// </summary>
public sealed record PublicProject(
    string CaseNumber,
    string Title,
    string Summary,
    Theme Theme,
    string Department,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    long GrantedAmount,
    Stage Stage,
    string StoryTitle,
    string StoryLead,
    string StoryBody,
    string WentWrong,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    IReadOnlyList<string> AdoptedBy)
{
    public IReadOnlyList<Domain.Delivery.IndicatorOutcome> Indicators { get; init; } = [];
}
