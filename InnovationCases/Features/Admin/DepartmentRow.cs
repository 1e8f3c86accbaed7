namespace InnovationCases.Features.Admin;

/// <summary>
/// A department with its share of the local-funds key, and its allocation and what is already
/// granted from its local pool in the newest budget year.
/// </summary>
public sealed record DepartmentRow(int Id, string Name, string Code, long WageSum, decimal Share, long Allocation, long Granted);
