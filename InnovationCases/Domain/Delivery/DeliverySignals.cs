namespace InnovationCases.Domain.Delivery;

/// <summary>
/// The fail-fast rule (DESIGN.md "After the grant"): a case in Granted is flagged "Overvej at
/// stoppe" when a milestone is overdue by more than <see cref="DeliveryOptions.OverdueDays"/>, when
/// the paid share runs more than <see cref="DeliveryOptions.SpendAheadPercent"/> points ahead of
/// progress, or when no measurement has been added for <see cref="DeliveryOptions.SilentMonths"/>
/// (counted from the grant before the first). Only a person stops a project; this only says why to look.
/// </summary>
public static class DeliverySignals
{
    public static IReadOnlyList<StopSignal> For(DeliveryFacts f, DateOnly today, DeliveryOptions o)
    {
        if (f.Stage != Stage.Granted)
        {
            return [];
        }

        var signals = new List<StopSignal>();
        if (f.OldestOpenDue is { } due && today.DayNumber - due.DayNumber > o.OverdueDays)
        {
            signals.Add(new StopSignal(StopSignalKind.MilestoneOverdue, today.DayNumber - due.DayNumber));
        }

        var ahead = f.PaidPercent - f.Progress;
        if (ahead > o.SpendAheadPercent)
        {
            signals.Add(new StopSignal(StopSignalKind.SpendAhead, ahead));
        }

        var since = f.LastMeasurement is { } last && last > f.GrantedOn ? last : f.GrantedOn;
        if (since.AddMonths(o.SilentMonths) < today)
        {
            signals.Add(new StopSignal(StopSignalKind.Silent, MonthsBetween(since, today)));
        }

        return signals;
    }

    private static int MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        return to.Day < from.Day ? months - 1 : months;
    }
}
