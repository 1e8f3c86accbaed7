using InnovationCases.Domain;

namespace InnovationCases.Features.Dashboard;

/// <summary>The mean time in a stage (ongoing stays up to now) and its slowest stays.</summary>
public sealed record StageTime(Stage Stage, double? MeanDays, IReadOnlyList<StageStay> Slowest);
