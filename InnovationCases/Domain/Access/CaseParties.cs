using InnovationCases.Domain.Assignments;

namespace InnovationCases.Domain.Access;

/// <summary>
/// The parties of a case (its departments and the people assigned to it), for visibility checks on
/// read models that are not a whole case (board cards, live changes). It holds a detached case with
/// just those facts, so the check runs the very rule the database runs.
/// </summary>
public sealed class CaseParties
{
    public CaseParties(int leadDepartmentId, IEnumerable<int> partnerDepartmentIds, IEnumerable<string>? assignedUserIds = null)
    {
        LeadDepartmentId = leadDepartmentId;
        PartnerDepartmentIds = partnerDepartmentIds.ToList();
        AssignedUserIds = (assignedUserIds ?? []).Distinct().ToList();
        AsCase = new InnovationCase
        {
            LeadDepartmentId = leadDepartmentId,
            PartnerDepartments = PartnerDepartmentIds.Select(d => new CasePartnerDepartment { DepartmentId = d }).ToList(),
            Assignments = AssignedUserIds
                .Select(u => new CaseAssignment { UserId = u, UserName = "", AssignedByUserId = "", AssignedByName = "" })
                .ToList(),
        };
    }

    public int LeadDepartmentId { get; }
    public IReadOnlyList<int> PartnerDepartmentIds { get; }

    /// <summary>Everyone holding an assignment on the case; a card read without them is seen by nobody on the advisory board.</summary>
    public IReadOnlyList<string> AssignedUserIds { get; }
    internal InnovationCase AsCase { get; }

    public bool Involves(int departmentId) => LeadDepartmentId == departmentId || PartnerDepartmentIds.Contains(departmentId);
}
