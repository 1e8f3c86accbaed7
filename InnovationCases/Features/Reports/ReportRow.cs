using InnovationCases.Domain;

namespace InnovationCases.Features.Reports;

/// <summary>The projection of one case that every report reads its columns from.</summary>
public sealed record ReportRow(
    string CaseNumber,
    string Title,
    string Department,
    PoolKind PoolKind,
    string? PoolDepartment,
    Theme Theme,
    Stage Stage,
    long Requested,
    long? Recommended,
    long? Granted,
    long Consumed,
    long ExpectedGain,
    long? RealisedGain,
    string? Effects,
    string? Lessons,
    string? CouncilReference,
    long Paid = 0,
    long MilestoneWeight = 0,
    long MilestoneWeightDone = 0,
    decimal? MeasuredGain = null);
