namespace InnovationCases.Domain;

/// <summary>The seven themes of the decision, plus room for a good idea outside them.</summary>
public enum Theme
{
    InclusionAndCitizenship,
    WelfareTechnology,
    Digitalisation,
    Mobility,
    InnovationCulture,
    Health,
    SickLeave,
    OutsideThemes,
}
