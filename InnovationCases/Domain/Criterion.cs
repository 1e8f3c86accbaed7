namespace InnovationCases.Domain;

/// <summary>The seven assessment criteria of the decision, in its order.</summary>
public enum Criterion
{
    NewAndOriginal = 1,
    RiskDescribed = 2,
    FitsTheme = 3,
    Viable = 4,
    EffectDocumentable = 5,
    MixedCompetencies = 6,
    CoFinancing = 7,
}
