using InnovationCases.Domain;

namespace InnovationCases.Features.StageStats;

/// <summary>One Created or Moved event, as the rebuild reads it.</summary>
public sealed record StageEventRow(long Id, int CaseId, DateTime At, Stage ToStage);
