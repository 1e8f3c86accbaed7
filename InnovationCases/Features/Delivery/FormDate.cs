using System.Globalization;

namespace InnovationCases.Features.Delivery;

/// <summary>The browser's date input value (yyyy-MM-dd) to and from the inputs' dates.</summary>
public static class FormDate
{
    public static DateTime? Parse(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
