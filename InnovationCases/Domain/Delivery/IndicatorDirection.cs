namespace InnovationCases.Domain.Delivery;

/// <summary>Whether a rising or a falling value brings an indicator closer to its target.</summary>
public enum IndicatorDirection
{
    HigherIsBetter,
    LowerIsBetter,
}
