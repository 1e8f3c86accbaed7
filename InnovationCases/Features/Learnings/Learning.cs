using InnovationCases.Domain;

namespace InnovationCases.Features.Learnings;

/// <summary>What one evaluated or stopped project taught: its final report against what it expected.</summary>
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
    DateTime ReportedAt);
