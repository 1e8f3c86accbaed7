namespace InnovationCases.Features.Adoptions;

/// <summary>The dashboard's "udbredelse": solutions taken into use by at least one other department, and what those adoptions expect to gain.</summary>
public sealed record SpreadFigures(int Solutions, int Adoptions, long ExpectedAnnualGain);
