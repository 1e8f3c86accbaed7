namespace InnovationCases.Features.Notes;

/// <summary>Someone who may be mentioned on a case: active, reads notes, and sees the case.</summary>
public sealed record MentionCandidate(string UserId, string Name)
{
    public override string ToString() => Name;
}
