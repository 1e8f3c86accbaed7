namespace InnovationCases.Domain;

/// <summary>One year's development pool: the cross-cutting budget and the local-funds total.</summary>
public sealed class BudgetYear
{
    public int Year { get; set; }
    public long CrossCuttingBudget { get; set; }
    public long LocalFundsTotal { get; set; }
    public List<Pool> Pools { get; set; } = [];
}
