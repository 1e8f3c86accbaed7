using InnovationCases.Domain;

namespace InnovationCases.Features.Public;

/// <summary>A published story in the public list: the story's own words and the project's public labels.</summary>
public sealed record PublicStory(string CaseNumber, string Title, string Lead, DateTime PublishedAt, DateTime UpdatedAt, Theme Theme, string Department);
