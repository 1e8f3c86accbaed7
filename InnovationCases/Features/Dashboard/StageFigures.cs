using InnovationCases.Domain;

namespace InnovationCases.Features.Dashboard;

/// <summary>The dashboard's figures about stages over time: the cumulative flow at each point and the time in each stage.</summary>
public sealed record StageFigures(IReadOnlyDictionary<Stage, int[]> Flow, IReadOnlyList<StageTime> TimeInStage);
