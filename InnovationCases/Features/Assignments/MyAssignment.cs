using InnovationCases.Domain;
using InnovationCases.Domain.Assignments;

namespace InnovationCases.Features.Assignments;

/// <summary>One line of "Mine vurderinger".</summary>
public sealed record MyAssignment(
    string CaseNumber,
    string Title,
    Stage Stage,
    AssignmentKind Kind,
    DateOnly DueDate,
    bool IsDone,
    bool IsConflict,
    bool IsOverdue);
