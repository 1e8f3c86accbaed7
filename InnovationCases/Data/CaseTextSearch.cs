using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data;

/// <summary>
/// Free text over case number, title and summary through the trigram index of the migration
/// <c>CaseTextSearch</c>. Features ask this class; the SQLite-specific query stays here.
/// </summary>
public static class CaseTextSearch
{
    /// <summary>Shorter texts have no trigram: they are matched with LIKE over the same columns instead.</summary>
    public const int MinIndexedLength = 3;

    /// <summary>The ids of the cases whose number, title or summary contain <paramref name="text"/> (any case).</summary>
    public static IQueryable<int> Matching(AppDbContext db, string text)
    {
        // An FTS5 phrase: the text in double quotes (inner quotes doubled) matches as a substring.
        var phrase = "\"" + text.Replace("\"", "\"\"") + "\"";
        return db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM CaseSearch WHERE CaseSearch MATCH {phrase}");
    }
}
