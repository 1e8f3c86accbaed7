namespace InnovationCases.Domain;

/// <summary>
/// The seed's set-up (Aarhus 2012): the six magistratsafdelinger and a budget year with the
/// 30 mio. kr. cross-cutting pool and 10 mio. kr. local funds split by the wage-sum key. Demo data
/// and an empty production installation both start from here; the seven themes are <see cref="Theme"/>.
/// </summary>
public static class StarterSetup
{
    public const long CrossCuttingBudget = 30_000_000;
    public const long LocalFundsTotal = 10_000_000;

    public static readonly IReadOnlyList<(string Code, string Name)> Departments =
    [
        ("BA", "Borgmesterens Afdeling"),
        ("MBU", "Børn og Unge"),
        ("MSB", "Sociale Forhold og Beskæftigelse"),
        ("MSO", "Sundhed og Omsorg"),
        ("MKB", "Kultur og Borgerservice"),
        ("MTM", "Teknik og Miljø"),
    ];

    /// <summary>A budget year with its cross-cutting pool and one local pool per department, split by the wage-sum key.</summary>
    public static BudgetYear CreateBudgetYear(int year, IReadOnlyList<Department> departments, long crossCutting = CrossCuttingBudget, long local = LocalFundsTotal)
    {
        var shares = LocalFundsKey.Allocate(local, departments.Select(d => (d.Id, d.WageSum)).ToList());
        var budgetYear = new BudgetYear { Year = year, CrossCuttingBudget = crossCutting, LocalFundsTotal = local };
        budgetYear.Pools.Add(new Pool { Year = year, Kind = PoolKind.CrossCutting, Budget = crossCutting });
        foreach (var d in departments)
        {
            budgetYear.Pools.Add(new Pool { Year = year, Kind = PoolKind.LocalFunds, DepartmentId = d.Id, Budget = shares[d.Id] });
        }

        return budgetYear;
    }
}
