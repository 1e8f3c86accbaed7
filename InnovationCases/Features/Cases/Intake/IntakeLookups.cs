using InnovationCases.Domain;

namespace InnovationCases.Features.Cases.Intake;

/// <summary>What the form offers and the validator accepts: the departments and the budget years with pools.</summary>
public sealed record IntakeLookups(IReadOnlyList<DepartmentOption> Departments, IReadOnlyList<int> Years)
{
    public string DepartmentName(int? id) => Departments.FirstOrDefault(d => d.Id == id)?.Name ?? "";
}

public sealed record DepartmentOption(int Id, string Name, string Code);
