using InnovationCases.Domain;

namespace InnovationCases.Features.StageStats;

/// <summary>
/// A case entering <paramref name="To"/> at <paramref name="At"/>; for a move also the stage it left
/// and when it had entered that one (the stay that ends now).
/// </summary>
public sealed record StageChange(int CaseId, DateTime At, Stage To, Stage? From = null, DateTime? FromEnteredAt = null);
