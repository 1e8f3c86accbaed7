namespace InnovationCases.Features.Notes;

/// <summary>A note as the panel shows it, with its replies (empty for a reply) and whether the reader may still edit it.</summary>
public sealed record NoteRow(
    int Id,
    string AuthorName,
    string Body,
    DateTime CreatedAt,
    DateTime? EditedAt,
    IReadOnlyList<string> MentionedNames,
    bool MayEdit,
    IReadOnlyList<NoteRow> Replies);
