using InnovationCases.Domain;

namespace InnovationCases.Features.Dashboard;

/// <summary>One line of the activity feed.</summary>
public sealed record ActivityItem(long EventId, string CaseNumber, string Title, CaseEventKind Kind, Stage? FromStage, Stage ToStage, Trigger? Trigger, string ActorName, DateTime At);
