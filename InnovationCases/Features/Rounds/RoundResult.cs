namespace InnovationCases.Features.Rounds;

/// <summary>What creating a round came to: stored, refused with a reason, or field errors (nothing stored).</summary>
public sealed record RoundResult(bool Created, string? Refusal, IReadOnlyDictionary<string, string> Errors)
{
    public static RoundResult Done { get; } = new(true, null, new Dictionary<string, string>());
}
