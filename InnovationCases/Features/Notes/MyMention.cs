namespace InnovationCases.Features.Notes;

/// <summary>A note that mentions the reader, on a case they still see.</summary>
public sealed record MyMention(int NoteId, string CaseNumber, string CaseTitle, string AuthorName, DateTime At);
