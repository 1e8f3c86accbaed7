using InnovationCases.Domain;

namespace InnovationCases.Features.Pools;

/// <summary>
/// A pool's ledger for one year. <see cref="Granted"/> is what its cases consume (see
/// <see cref="PoolConsumption"/>: granted amounts, or the actual spend of a stopped
/// project); <see cref="Committed"/> is recommended but not yet granted; <see cref="Remaining"/> is
/// budget minus granted, as the Grant guard computes it (commitments are shown, not deducted);
/// <see cref="Paid"/> is what has been paid out of the granted amounts so far.
/// </summary>
public sealed record PoolLine(
    int PoolId,
    int Year,
    PoolKind Kind,
    int? DepartmentId,
    string? DepartmentName,
    long? WageSum,
    decimal? KeyShare,
    long Budget,
    long Granted,
    long Committed,
    long Paid = 0)
{
    public long Remaining => Budget - Granted;

    /// <summary>Granted as a percentage of the budget, 0–100, for progress bars.</summary>
    public double GrantedPercent => Budget <= 0 ? 0 : Math.Clamp(Granted * 100.0 / Budget, 0, 100);

    /// <summary>Granted plus committed as a percentage of the budget, 0–100.</summary>
    public double CommittedPercent => Budget <= 0 ? 0 : Math.Clamp((Granted + Committed) * 100.0 / Budget, 0, 100);
}
