using InnovationCases.Domain;

namespace InnovationCases.Features.Dashboard;

/// <summary>The median time in a stage and its slowest stays.</summary>
public sealed record StageTime(Stage Stage, double? MedianDays, IReadOnlyList<StageStay> Slowest);
