namespace InnovationCases.Features.Adoptions;

/// <summary>One department that took a solution into use.</summary>
public sealed record AdoptionRow(string Department, DateOnly AdoptedOn, string Note, long ExpectedAnnualGain);
