using InnovationCases.Domain.Assignments;

namespace InnovationCases.Features.Assignments;

/// <summary>One assignment on a case as the case page shows it; <see cref="Advice"/> only for those who may read advice.</summary>
public sealed record AssignmentRow(
    string UserId,
    string UserName,
    AssignmentKind Kind,
    DateOnly DueDate,
    bool IsDone,
    bool IsOverdue,
    string? ConflictReason,
    string? Advice);
