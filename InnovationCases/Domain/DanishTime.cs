namespace InnovationCases.Domain;

/// <summary>
/// Times are stored in UTC and shown on Danish wall-clock time: the one clock for the UI.
/// Views and "today"/"this year" checks go through here, never through the server's local zone
/// (UTC in a container).
/// </summary>
public static class DanishTime
{
    private const string ZoneId = "Europe/Copenhagen";

    /// <summary>
    /// CET/CEST by the EU rule (summer time from the last Sunday of March to the last Sunday of
    /// October, both switches at 01:00 UTC), for containers without tzdata, where a plain UTC
    /// fallback would show every time one or two hours early.
    /// </summary>
    internal static readonly TimeZoneInfo Fallback = CreateFallback();

    private static readonly TimeZoneInfo Zone = Find(TimeZoneInfo.FindSystemTimeZoneById);

    /// <summary>The Copenhagen zone (or its fallback), for schedules on Danish wall-clock time.</summary>
    public static TimeZoneInfo TimeZone => Zone;

    /// <summary>The date in Denmark at a UTC instant.</summary>
    public static DateOnly Today(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>The date in Denmark at an instant (e.g. <c>TimeProvider.GetUtcNow()</c>).</summary>
    public static DateOnly Today(DateTimeOffset now) => Today(now.UtcDateTime);

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Date and time the Danish way, e.g. <c>27.11.2026 14.05</c> (da-DK uses a dot between hours and minutes).</summary>
    public static string Format(DateTime utc) => ToLocal(utc).ToString("dd.MM.yyyy HH:mm", Money.Danish);

    /// <summary>The Danish date of a UTC instant, e.g. <c>27.11.2026</c>.</summary>
    public static string FormatDate(DateTime utc) => FormatDate(Today(utc));

    /// <summary>A calendar date (already Danish, e.g. a council decision date) in the same format as <see cref="FormatDate(DateTime)"/>.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("dd.MM.yyyy", Money.Danish);

    /// <summary>The system's Copenhagen zone, or <see cref="Fallback"/> when tzdata is missing or unreadable.</summary>
    internal static TimeZoneInfo Find(Func<string, TimeZoneInfo> lookup)
    {
        try
        {
            return lookup(ZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return Fallback;
        }
    }

    private static TimeZoneInfo CreateFallback()
    {
        // Transition times are local: summer time starts at 02:00 CET and ends at 03:00 CEST, both 01:00 UTC.
        var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday);
        var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday);
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
        return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(1), "Danmark (CET/CEST)", "CET", "CEST", [rule]);
    }
}
