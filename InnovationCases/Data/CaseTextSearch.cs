using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data;

/// <summary>
/// Free text over case number, title and summary through a trigram index: SQLite's FTS5 table of the
/// migration <c>CaseTextSearch</c>, or PostgreSQL's pg_trgm GIN indexes (<see cref="PostgresAppDbContext"/>)
/// under ILIKE. Features ask this class; the provider-specific query stays here.
/// </summary>
public static class CaseTextSearch
{
    /// <summary>Shorter texts have no trigram: they are matched with LIKE over the same columns instead.</summary>
    public const int MinIndexedLength = 3;

    /// <summary>The ids of the cases whose number, title or summary contain <paramref name="text"/> (any case).</summary>
    public static IQueryable<int> Matching(AppDbContext db, string text)
    {
        if (db.Database.IsNpgsql())
        {
            var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            return db.Cases
                .Where(c => EF.Functions.ILike(c.CaseNumber, pattern, "\\")
                    || EF.Functions.ILike(c.Title, pattern, "\\")
                    || EF.Functions.ILike(c.Summary, pattern, "\\"))
                .Select(c => c.Id);
        }

        // An FTS5 phrase: the text in double quotes (inner quotes doubled) matches as a substring.
        var phrase = "\"" + text.Replace("\"", "\"\"") + "\"";
        return db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM CaseSearch WHERE CaseSearch MATCH {phrase}");
    }
}
