namespace InnovationCases.Domain;

/// <summary>
/// The one cleaner for every free text a person types (titles, reasons, lessons, comments, notes,
/// names): control characters other than line breaks and tabs are dropped, and so are the
/// invisible direction overrides (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) that can make
/// "cba.exe" show as "exe.abc", and zero-width spaces and byte-order marks. The rest is trimmed.
/// </summary>
public static class Text
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (Keeps(ch))
            {
                kept.Append(ch);
            }
        }

        return kept.ToString().Trim();
    }

    /// <summary>As <see cref="Clean(string?)"/>, keeping "not given" (null) apart from empty.</summary>
    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    private static bool Keeps(char ch) => ch switch
    {
        '\n' or '\r' or '\t' => true,
        >= '\u202A' and <= '\u202E' => false, // embeddings and overrides
        >= '\u2066' and <= '\u2069' => false, // isolates
        '\u200E' or '\u200F' or '\u061C' => false, // direction marks
        '\u200B' or '\uFEFF' => false, // zero-width space, byte-order mark
        _ => !char.IsControl(ch),
    };
}
