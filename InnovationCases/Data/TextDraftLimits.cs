namespace InnovationCases.Data;

/// <summary>Bounds of a <see cref="TextDraft"/>: its keys are short names, its fields the forms' own texts.</summary>
public static class TextDraftLimits
{
    /// <summary>A case number, a form kind or a field name.</summary>
    public const int KeyMax = 40;

    /// <summary>No form has more fields than this (the assessment has 16).</summary>
    public const int FieldsMax = 32;
}
