namespace InnovationCases.Features.Admin;

/// <summary>What the admin enters for a department.</summary>
public sealed class DepartmentInput
{
    public string Name { get; set; } = "";
    public string Code { get; set; } = "";
    public long WageSum { get; set; }
}
