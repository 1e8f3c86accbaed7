namespace InnovationCases.Domain;

/// <summary>Times are stored in UTC and shown on Danish wall-clock time.</summary>
public static class DanishTime
{
    private static readonly TimeZoneInfo Zone = Find();

    /// <summary>The date in Denmark at a UTC instant.</summary>
    public static DateOnly Today(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Date and time the Danish way, e.g. <c>27.11.2026 14.05</c> (da-DK uses a dot between hours and minutes).</summary>
    public static string Format(DateTime utc) => ToLocal(utc).ToString("dd.MM.yyyy HH:mm", Money.Danish);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
