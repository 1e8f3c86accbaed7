namespace InnovationCases.Features.Cases.Intake;

/// <summary>A saved draft as listed for its author.</summary>
public sealed record DraftSummary(int Id, string Title, DateTime UpdatedAt);
