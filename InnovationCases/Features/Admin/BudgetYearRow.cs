namespace InnovationCases.Features.Admin;

/// <summary>A budget year with its pools. Past years are closed: their budgets are history.</summary>
public sealed record BudgetYearRow(int Year, long CrossCuttingBudget, long LocalFundsTotal, bool IsOpen, IReadOnlyList<PoolRow> Pools)
{
    public long Granted => Pools.Sum(p => p.Granted);
}
