namespace InnovationCases.Features.Notes;

/// <summary>A note or a reply as written: its text and the people it mentions (user ids).</summary>
public sealed record NoteInput(string? Body, IReadOnlyList<string> MentionedUserIds, int? ParentId = null);
