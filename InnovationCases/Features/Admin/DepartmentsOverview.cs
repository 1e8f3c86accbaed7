namespace InnovationCases.Features.Admin;

/// <summary>The departments and the local-funds key, computed for <see cref="Year"/> (the newest budget year, if any).</summary>
public sealed record DepartmentsOverview(int? Year, long LocalFundsTotal, long TotalWageSum, IReadOnlyList<DepartmentRow> Departments);
