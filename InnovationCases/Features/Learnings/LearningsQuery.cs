using InnovationCases.Domain;

namespace InnovationCases.Features.Learnings;

/// <summary>The knowledge bank's search: free text and filters, all optional.</summary>
public sealed record LearningsQuery(
    string? Text = null,
    Theme? Theme = null,
    int? DepartmentId = null,
    Stage? Outcome = null,
    long? MinRealisedGain = null);
