namespace InnovationCases.Features.Dashboard;

/// <summary>A sum of kroner for one category (a theme's label, a department's name).</summary>
public sealed record AmountBy(string Label, long Amount);
