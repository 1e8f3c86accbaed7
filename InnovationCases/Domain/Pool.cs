namespace InnovationCases.Domain;

/// <summary>
/// A pot of money a case is granted from: the year's cross-cutting pool or one department's local
/// funds. A local pool's budget is computed from the wage-sum key (<see cref="LocalFundsKey"/>) and
/// stored, so a grant checks against the figure that was shown when it was made.
/// </summary>
public sealed class Pool
{
    public int Id { get; set; }
    public int Year { get; set; }
    public PoolKind Kind { get; set; }

    /// <summary>The owning department of a local-funds pool; null for the cross-cutting pool.</summary>
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public long Budget { get; set; }
}
