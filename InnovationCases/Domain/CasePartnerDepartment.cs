namespace InnovationCases.Domain;

/// <summary>A department taking part in a case besides the lead department.</summary>
public sealed class CasePartnerDepartment
{
    public int CaseId { get; set; }
    public int DepartmentId { get; set; }
}
