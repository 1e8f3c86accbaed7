using InnovationCases.Domain.Assignments;

namespace InnovationCases.Features.Assignments;

/// <summary>What the assignment dialog sends: who, to do what, by when.</summary>
public sealed class AssignmentInput
{
    public List<string> UserIds { get; set; } = [];
    public AssignmentKind Kind { get; set; } = AssignmentKind.Assessment;
    public DateOnly? DueDate { get; set; }
}
