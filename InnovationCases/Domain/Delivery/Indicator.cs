namespace InnovationCases.Domain.Delivery;

/// <summary>
/// An effect measure (effektmål) of a granted case: where it started, where it should get to and by
/// when. Every granted case has the built-in "realised annual gain (kr.)" indicator, added by the
/// Grant move, so realised-versus-expected comes from measurements year by year.
/// </summary>
public sealed class Indicator
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public IndicatorDirection Direction { get; set; }
    public decimal Baseline { get; set; }
    public decimal Target { get; set; }
    public DateOnly TargetDate { get; set; }

    /// <summary>The built-in realised annual gain in kroner; its measurements are the year's gain.</summary>
    public bool IsRealisedGain { get; set; }

    public DateTime CreatedAt { get; set; }
    public List<Measurement> Measurements { get; set; } = [];

    /// <summary>The latest measurement by date (the last entered on a tie), or null.</summary>
    public Measurement? Latest => Measurements.OrderBy(m => m.Date).ThenBy(m => m.Id).LastOrDefault();

    /// <summary>How far the latest value has come from baseline to target, 0–100; null before the first measurement.</summary>
    public int? PercentOfWay => Latest is { } m ? DeliveryMath.PercentOfWay(Baseline, Target, m.Value) : null;

    /// <summary>The built-in indicator a case gets when it is granted: from nothing to the expected annual gain.</summary>
    public static Indicator RealisedGain(InnovationCase c, DateTime now) => new()
    {
        CaseId = c.Id,
        Name = Resources.DeliveryText.RealisedGain_Name,
        Unit = Resources.DeliveryText.RealisedGain_Unit,
        Direction = IndicatorDirection.HigherIsBetter,
        Baseline = 0,
        Target = c.ExpectedAnnualGain,
        TargetDate = new DateOnly(Math.Max(c.FirstGainYear, c.PeriodEnd.Year), 12, 31),
        IsRealisedGain = true,
        CreatedAt = now,
    };
}
