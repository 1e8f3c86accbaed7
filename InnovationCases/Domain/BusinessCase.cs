namespace InnovationCases.Domain;

/// <summary>The derived figures of an application, shared by the form, the case page and reports.</summary>
public static class BusinessCase
{
    public static decimal? PaybackYears(long requested, long annualGain) =>
        annualGain > 0 && requested >= 0 ? Math.Round((decimal)requested / annualGain, 1) : null;

    /// <summary>Co-financing as a share (0..1) of the project's total cost.</summary>
    public static decimal CoFinancingShare(long requested, long internalCo, long externalCo)
    {
        var total = (decimal)requested + internalCo + externalCo;
        return total <= 0 ? 0m : Math.Round((internalCo + externalCo) / total, 3);
    }

    /// <summary>A text of the business case counts as given when it has more than white space (the Screen guards ask this).</summary>
    public static bool IsFilled(string? text) => !string.IsNullOrWhiteSpace(text);

    /// <summary>A period that spans more than one budget year (budget years are calendar years).</summary>
    public static bool IsMultiYear(DateOnly start, DateOnly end) => start.Year != end.Year;

    /// <summary>True when the cross-cutting council rule applies to a grant of this size and period.</summary>
    public static bool NeedsCouncilDecision(PoolKind pool, long amount, bool multiYear) =>
        pool == PoolKind.CrossCutting && (amount > InnovationCase.CouncilThreshold || multiYear);
}
