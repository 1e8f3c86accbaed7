namespace InnovationCases.Features.Assignments;

/// <summary>
/// The assignments on one case as the actor may see them: everyone's for caseworkers and the
/// director group, only their own for an advisory member. <see cref="Mine"/> is the actor's own.
/// </summary>
public sealed record CaseAssignmentsView(IReadOnlyList<AssignmentRow> Rows, AssignmentRow? Mine, bool MayAssign)
{
    public int Assigned => Rows.Count;
    public int Done => Rows.Count(r => r.IsDone);
    public int Missing => Rows.Count(r => !r.IsDone && r.ConflictReason is null);

    /// <summary>Assessors were asked, but every one of them declared a conflict: someone else must be asked.</summary>
    public bool NeedsAssessor =>
        Rows.Any(r => r.Kind == Domain.Assignments.AssignmentKind.Assessment) &&
        Rows.Where(r => r.Kind == Domain.Assignments.AssignmentKind.Assessment).All(r => r.ConflictReason is not null);
}
