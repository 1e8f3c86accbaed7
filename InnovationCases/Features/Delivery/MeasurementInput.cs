namespace InnovationCases.Features.Delivery;

/// <summary>A measurement of one indicator as entered on the case page.</summary>
public sealed class MeasurementInput
{
    public int? IndicatorId { get; set; }
    public DateTime? Date { get; set; }
    public decimal? Value { get; set; }
    public string Note { get; set; } = "";
}
