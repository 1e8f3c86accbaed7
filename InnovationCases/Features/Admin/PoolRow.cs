using InnovationCases.Domain;

namespace InnovationCases.Features.Admin;

/// <summary>One pool's budget and what its cases already consume.</summary>
public sealed record PoolRow(int Id, PoolKind Kind, string? DepartmentName, long Budget, long Granted)
{
    public long Remaining => Budget - Granted;
}
