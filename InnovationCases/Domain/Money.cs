using System.Globalization;

namespace InnovationCases.Domain;

/// <summary>Whole Danish kroner, formatted the Danish way: <c>2.500.000 kr.</c></summary>
public static class Money
{
    public static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string Format(long kroner) => kroner.ToString("N0", Danish) + " kr.";

    public static string Format(long? kroner) => kroner is { } k ? Format(k) : "–";
}
