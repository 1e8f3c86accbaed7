using InnovationCases.Domain;

namespace InnovationCases.Features.MyCases;

/// <summary>A stage change on one of the user's cases since they last marked notifications as read.</summary>
public sealed record CaseNotification(
    long EventId,
    string CaseNumber,
    string Title,
    Trigger? Trigger,
    Stage? FromStage,
    Stage ToStage,
    string ActorName,
    DateTime At,
    string? Note);
