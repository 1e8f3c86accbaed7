using System.Text.Json;
using InnovationCases.Domain;

namespace InnovationCases.Features.Notes;

/// <summary>
/// What a note event carries: which note, and whom it mentions. Never the text, so no event reader
/// can leak a note's words.
/// </summary>
public sealed record NoteEventData(int NoteId, int? ParentId, IReadOnlyList<string> MentionedUserIds)
{
    /// <summary>The mentioned user ids of a NoteAdded event, or none for any other event.</summary>
    public static IReadOnlyList<string> MentionsIn(CaseEvent ev)
    {
        if (ev.Kind != CaseEventKind.NoteAdded || ev.DataJson is null)
        {
            return [];
        }

        return JsonSerializer.Deserialize<NoteEventData>(ev.DataJson)?.MentionedUserIds ?? [];
    }
}
