namespace InnovationCases.Domain;

/// <summary>
/// Splits the local funds between departments in proportion to their wage sums, in whole kroner.
/// Largest-remainder rounding makes the shares add up to the total exactly.
/// </summary>
public static class LocalFundsKey
{
    public static IReadOnlyDictionary<int, long> Allocate(long total, IReadOnlyCollection<(int DepartmentId, long WageSum)> wageSums)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var sum = wageSums.Sum(w => (decimal)w.WageSum);
        if (sum <= 0)
        {
            return wageSums.ToDictionary(w => w.DepartmentId, _ => 0L);
        }

        var shares = wageSums
            .Select(w =>
            {
                var exact = total * (decimal)w.WageSum / sum;
                var floor = decimal.Floor(exact);
                return (w.DepartmentId, Floor: (long)floor, Remainder: exact - floor);
            })
            .ToList();
        var left = total - shares.Sum(s => s.Floor);
        var result = shares.ToDictionary(s => s.DepartmentId, s => s.Floor);
        foreach (var s in shares.OrderByDescending(s => s.Remainder).ThenBy(s => s.DepartmentId).Take((int)left))
        {
            result[s.DepartmentId] += 1;
        }

        return result;
    }

    /// <summary>A department's share of the key as a fraction of the total wage sum.</summary>
    public static decimal Share(long wageSum, long totalWageSum) => totalWageSum <= 0 ? 0m : (decimal)wageSum / totalWageSum;
}
