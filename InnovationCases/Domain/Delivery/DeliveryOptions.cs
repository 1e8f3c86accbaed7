using System.Globalization;

namespace InnovationCases.Domain.Delivery;

/// <summary>
/// The fail-fast thresholds and the yearly report date, configuration section <c>Effects</c>:
/// <c>Effects:OverdueDays</c>, <c>Effects:SpendAheadPercent</c>, <c>Effects:SilentMonths</c>,
/// <c>Effects:ReportDueMonthDay</c> ("MM-dd", after the budget year, with the accounts).
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Effects";

    /// <summary>A milestone overdue by more than this many days flags the case.</summary>
    public int OverdueDays { get; set; } = 60;

    /// <summary>Paid share minus progress share (percentage points) above this flags the case.</summary>
    public int SpendAheadPercent { get; set; } = 30;

    /// <summary>No measurement for this many months flags the case.</summary>
    public int SilentMonths { get; set; } = 6;

    /// <summary>Month and day (MM-dd) in the year after a budget year on which its effect report is due.</summary>
    public string ReportDueMonthDay { get; set; } = "03-01";

    /// <summary>A report is listed as due this many days before its due date.</summary>
    public int ReportDueSoonDays { get; set; } = 60;

    /// <summary>The date the effect report for <paramref name="year"/> is due.</summary>
    public DateOnly ReportDueDate(int year)
    {
        var md = DateOnly.TryParseExact("2000-" + ReportDueMonthDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : new DateOnly(2000, 3, 1);

        // 29 February in a year that has none falls on the 28th.
        return new DateOnly(year + 1, md.Month, Math.Min(md.Day, DateTime.DaysInMonth(year + 1, md.Month)));
    }
}
