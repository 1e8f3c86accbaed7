namespace InnovationCases.Features.Adoptions;

/// <summary>A case linked by "byg videre på", as far as the reader may see it.</summary>
public sealed record CaseLink(string CaseNumber, string Title);
