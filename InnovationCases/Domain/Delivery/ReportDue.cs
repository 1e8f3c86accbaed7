namespace InnovationCases.Domain.Delivery;

/// <summary>A yearly effect report that is due soon or overdue.</summary>
public sealed record ReportDue(int Year, DateOnly DueDate, bool IsOverdue)
{
    /// <summary>
    /// The yearly reports a granted or implemented case owes on <paramref name="today"/>: one per
    /// budget year from the grant's year on, due on <see cref="DeliveryOptions.ReportDueDate"/>,
    /// listed from <see cref="DeliveryOptions.ReportDueSoonDays"/> before that date until a report
    /// for the year exists. Evaluated and closed cases owe none (the final report is Evaluate's).
    /// </summary>
    public static IReadOnlyList<ReportDue> For(Stage stage, int grantYear, IEnumerable<int> reportedYears, DateOnly today, DeliveryOptions o)
    {
        if (stage is not (Stage.Granted or Stage.Implemented))
        {
            return [];
        }

        var reported = reportedYears.ToHashSet();
        var due = new List<ReportDue>();
        for (var year = grantYear; year <= today.Year; year++)
        {
            var date = o.ReportDueDate(year);
            if (!reported.Contains(year) && date.AddDays(-o.ReportDueSoonDays) <= today)
            {
                due.Add(new ReportDue(year, date, date < today));
            }
        }

        return due;
    }
}
