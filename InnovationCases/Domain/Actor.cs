namespace InnovationCases.Domain;

/// <summary>Who is acting: the signed-in user as the domain sees them.</summary>
public sealed record Actor(string UserId, string Name, Role Role, int? DepartmentId)
{
    public bool IsStaffOf(int departmentId) => Role == Role.DepartmentStaff && DepartmentId == departmentId;
}
