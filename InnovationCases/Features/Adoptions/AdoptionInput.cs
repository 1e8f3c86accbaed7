namespace InnovationCases.Features.Adoptions;

/// <summary>An adoption as typed: which department took the solution into use, when, and what it expects to gain.</summary>
public sealed class AdoptionInput
{
    public int? DepartmentId { get; set; }
    public DateTime? AdoptedOn { get; set; }
    public string Note { get; set; } = "";
    public long? ExpectedAnnualGain { get; set; }
}
