namespace InnovationCases.Domain.Delivery;

/// <summary>The figures of delivery, one formula each: progress, way to target, paid share.</summary>
public static class DeliveryMath
{
    /// <summary>Weighted share of milestones done, 0–100 (rounded down, so 100 means all done); 0 without milestones.</summary>
    public static int Progress(long totalWeight, long doneWeight) =>
        totalWeight <= 0 ? 0 : (int)Math.Clamp(doneWeight * 100 / totalWeight, 0, 100);

    public static int Progress(IEnumerable<Milestone> milestones)
    {
        long total = 0, done = 0;
        foreach (var m in milestones)
        {
            total += m.Weight;
            done += m.IsDone ? m.Weight : 0;
        }

        return Progress(total, done);
    }

    /// <summary>
    /// How far <paramref name="value"/> has come from baseline towards target, 0–100: a value on the
    /// wrong side of the baseline is 0, one past the target 100. Works for both directions, since the
    /// direction is the sign of target − baseline.
    /// </summary>
    public static int PercentOfWay(decimal baseline, decimal target, decimal value)
    {
        if (target == baseline)
        {
            return value == target ? 100 : 0;
        }

        var share = (value - baseline) / (target - baseline) * 100m;
        return (int)Math.Round(Math.Clamp(share, 0m, 100m), MidpointRounding.AwayFromZero);
    }

    /// <summary>Share of the granted amount paid out, 0–100 (a grant of 0 counts as nothing paid).</summary>
    public static int PaidPercent(long granted, long paid) =>
        granted <= 0 ? 0 : (int)Math.Clamp(paid * 100 / granted, 0, 100);

    /// <summary>
    /// The Danish day of the grant. Cases granted before the grant's time was recorded fall back on
    /// their last stage change, which for a case still in Granted is the grant.
    /// </summary>
    public static DateOnly GrantDay(DateTime? grantedAt, DateTime stageChangedAt) => DanishTime.Today(grantedAt ?? stageChangedAt);
}
