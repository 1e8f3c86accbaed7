namespace InnovationCases.Features.Admin;

/// <summary>What the admin enters for a budget year.</summary>
public sealed class BudgetYearInput
{
    public int Year { get; set; }
    public long CrossCuttingBudget { get; set; }
    public long LocalFundsTotal { get; set; }
}
