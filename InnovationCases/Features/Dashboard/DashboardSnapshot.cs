using InnovationCases.Domain;
using InnovationCases.Features.Pools;

namespace InnovationCases.Features.Dashboard;

/// <summary>
/// Everything the dashboard shows, computed once per change by <see cref="DashboardAggregates"/> and
/// shared by every open dashboard. Immutable: a new snapshot replaces the old one.
/// Year-bound figures (pools, applications, decision time, gains, granted per theme and department)
/// are for <see cref="Year"/>; the pipeline figures (stage counts, flow, time in stage, stalled
/// cases, activity) cover all years, as the board does.
/// </summary>
public sealed record DashboardSnapshot(
    int Year,
    DateTime ComputedAt,
    IReadOnlyDictionary<Stage, int> StageCounts,
    IReadOnlyList<PoolLine> Pools,
    int Applications,
    double? MedianDaysToDecision,
    int Decisions,
    long ExpectedGainEvaluated,
    long RealisedGainEvaluated,
    int EvaluatedCount,
    IReadOnlyList<AmountBy> GrantedByTheme,
    IReadOnlyList<AmountBy> GrantedByDepartment,
    IReadOnlyList<DateTime> FlowPoints,
    IReadOnlyDictionary<Stage, int[]> Flow,
    IReadOnlyList<StageTime> TimeInStage,
    IReadOnlyList<StalledCase> Stalled,
    IReadOnlyList<ActivityItem> Activity);
