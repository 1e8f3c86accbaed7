namespace InnovationCases.Domain.Access;

/// <summary>
/// The departments of a case, for visibility checks on read models that are not a whole case
/// (board cards, live changes). It holds a detached case with just those facts, so the check runs
/// the very rule the database runs.
/// </summary>
public sealed class CaseParties
{
    public CaseParties(int leadDepartmentId, IEnumerable<int> partnerDepartmentIds)
    {
        LeadDepartmentId = leadDepartmentId;
        PartnerDepartmentIds = partnerDepartmentIds.ToList();
        AsCase = new InnovationCase
        {
            LeadDepartmentId = leadDepartmentId,
            PartnerDepartments = PartnerDepartmentIds.Select(d => new CasePartnerDepartment { DepartmentId = d }).ToList(),
        };
    }

    public int LeadDepartmentId { get; }
    public IReadOnlyList<int> PartnerDepartmentIds { get; }
    internal InnovationCase AsCase { get; }

    public bool Involves(int departmentId) => LeadDepartmentId == departmentId || PartnerDepartmentIds.Contains(departmentId);
}
