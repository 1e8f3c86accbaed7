using System.Globalization;
using InnovationCases.Resources;

namespace InnovationCases.Domain.Delivery;

/// <summary>
/// One indicator's outcome as the knowledge bank and the public project page show it: baseline,
/// latest measurement and target, and how far of the way to the target it has come. Only figures,
/// never the measurements' notes.
/// </summary>
public sealed record IndicatorOutcome(string Name, string Unit, decimal Baseline, decimal? Latest, decimal Target, int? PercentOfWay)
{
    public static IndicatorOutcome From(Indicator i) =>
        new(i.Name, i.Unit, i.Baseline, i.Latest?.Value, i.Target, i.PercentOfWay);

    /// <summary>"Ventetid: 40 → 25 dage (mål 20) – 75 % af vejen til målet".</summary>
    public string Describe() => Latest is { } latest
        ? string.Format(CultureInfo.CurrentCulture, OutcomeText.Outcome_Line, Name, Number(Baseline), Number(latest), Unit, Number(Target), PercentOfWay)
        : string.Format(CultureInfo.CurrentCulture, OutcomeText.Outcome_None, Name, Number(Baseline), Unit, Number(Target));

    private static string Number(decimal d) => d.ToString("#,##0.##", Money.Danish);
}
