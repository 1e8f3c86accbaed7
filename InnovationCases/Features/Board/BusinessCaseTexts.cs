using InnovationCases.Domain;

namespace InnovationCases.Features.Board;

/// <summary>
/// Which of a case's business-case texts are filled, as the Screen guards ask (<see cref="BusinessCase.IsFilled"/>).
/// A card carries these flags instead of the texts: no board shows them, real business cases are
/// paragraphs, and the prerendered board's state sits in the page and goes up to the circuit twice.
/// </summary>
[Flags]
public enum BusinessCaseTexts
{
    None = 0,
    GainDescription = 1,
    Risks = 2,
    Viability = 4,
    EffectPlan = 8,
}
