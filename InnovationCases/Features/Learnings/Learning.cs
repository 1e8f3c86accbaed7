using InnovationCases.Domain;

namespace InnovationCases.Features.Learnings;

/// <summary>
/// One knowledge entry: what an evaluated or stopped project taught, what it cost, what it returned,
/// whether it lives on, where it has spread, and its story. Never its assessments or internal notes.
/// </summary>
public sealed record Learning(
    string CaseNumber,
    string Title,
    Stage Stage,
    Theme Theme,
    string LeadDepartment,
    string LessonsLearned,
    string Narrative,
    long ExpectedAnnualGain,
    long RealisedAnnualGain,
    bool? LivesOn,
    DateTime ReportedAt)
{
    /// <summary>What it cost: the money spent if reported, else the amount granted.</summary>
    public long? Cost { get; init; }

    public string? StoryTitle { get; init; }
    public string? StoryLead { get; init; }
    public bool StoryPublished { get; init; }

    /// <summary>The departments that took the solution into use, and what they expect to gain a year.</summary>
    public IReadOnlyList<string> AdoptedBy { get; init; } = [];
    public long AdoptedGain { get; init; }

    /// <summary>Each indicator's baseline, latest value and target.</summary>
    public IReadOnlyList<Domain.Delivery.IndicatorOutcome> Indicators { get; init; } = [];
}
