using InnovationCases.Domain.Delivery;

namespace InnovationCases.Features.Delivery;

/// <summary>A new indicator as entered on the case page.</summary>
public sealed class IndicatorInput
{
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public IndicatorDirection Direction { get; set; }
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
    public DateTime? TargetDate { get; set; }
}
