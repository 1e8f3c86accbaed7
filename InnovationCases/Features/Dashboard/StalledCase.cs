using InnovationCases.Domain;

namespace InnovationCases.Features.Dashboard;

/// <summary>A case that has stayed in its stage longer than the stage's limit.</summary>
public sealed record StalledCase(string CaseNumber, string Title, Stage Stage, DateTime Since, int Days, int LimitDays);
