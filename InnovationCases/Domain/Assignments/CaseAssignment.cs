namespace InnovationCases.Domain.Assignments;

/// <summary>
/// A person asked by a caseworker to assess or advise on one case by a due date. It is done when
/// the assessment or advice is in, or set aside when the person declares a conflict of interest;
/// an advisory member sees exactly the cases they hold an assignment for (<see cref="Access.CaseAccess"/>).
/// </summary>
public sealed class CaseAssignment
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public InnovationCase? Case { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public AssignmentKind Kind { get; set; }
    public DateOnly DueDate { get; set; }
    public required string AssignedByUserId { get; set; }
    public required string AssignedByName { get; set; }
    public DateTime AssignedAt { get; set; }
    public DateTime? DoneAt { get; set; }
    public DateTime? ConflictDeclaredAt { get; set; }
    public string? ConflictReason { get; set; }

    /// <summary>The advisory member's written advice (advice assignments only).</summary>
    public string? Advice { get; set; }

    /// <summary>Still waiting for the person: neither done nor set aside by a conflict of interest.</summary>
    public bool IsOpen => DoneAt is null && ConflictDeclaredAt is null;

    public bool IsOverdue(DateOnly today) => IsOpen && DueDate < today;
}
