namespace InnovationCases.Features.Delivery;

/// <summary>One year of realised against expected annual gain, kr.</summary>
public sealed record RealisedYear(int Year, long Realised, long Expected);
