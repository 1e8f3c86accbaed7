namespace InnovationCases.Domain;

/// <summary>A department (not the case's lead) takes a case's solution into use: how far a solution has spread.</summary>
public sealed class Adoption
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public DateOnly AdoptedOn { get; set; }
    public string Note { get; set; } = "";
    public long ExpectedAnnualGain { get; set; }
    public required string RecordedByUserId { get; set; }
    public required string RecordedByName { get; set; }
    public DateTime CreatedAt { get; set; }
}
