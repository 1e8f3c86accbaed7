namespace InnovationCases.Features.Drafts;

/// <summary>A form's fields as last saved by their author, and when.</summary>
public sealed record SavedText(IReadOnlyDictionary<string, string> Fields, DateTime SavedAt)
{
    public string? Get(string field) => Fields.GetValueOrDefault(field);
}
