using InnovationCases.Domain;

namespace InnovationCases.Features.Dashboard;

/// <summary>One stage change of one case, as read from the event log (Created and Moved events).</summary>
public sealed record StageEvent(int CaseId, string CaseNumber, DateTime At, Stage ToStage);
