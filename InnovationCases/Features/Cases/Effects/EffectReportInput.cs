namespace InnovationCases.Features.Cases.Effects;

/// <summary>A yearly effect report as entered on the case page.</summary>
public sealed class EffectReportInput
{
    public int? Year { get; set; }
    public long? RealisedAnnualGain { get; set; }
    public string Narrative { get; set; } = "";
}
