using InnovationCases.Domain;

namespace InnovationCases.Features.Public;

/// <summary>One budget year's key figures, over granted projects only: money per theme, projects, realised gain, solutions spread.</summary>
public sealed record PublicYearFigures(int Year, int Projects, long Granted, long RealisedAnnualGain, int SolutionsSpread, IReadOnlyList<(Theme Theme, long Granted)> PerTheme);
