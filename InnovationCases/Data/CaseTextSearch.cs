using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data;

/// <summary>
/// Free text over case number, title and summary through a trigram index: SQLite's FTS5 table of the
/// migration <c>CaseTextSearch</c>, or on PostgreSQL one pg_trgm GIN index over the joined text
/// (<see cref="JoinedIndex"/>) under ILIKE. Features ask this class; the provider-specific query stays here.
/// </summary>
public static class CaseTextSearch
{
    /// <summary>Shorter texts have no trigram: they are matched with LIKE over the same columns instead.</summary>
    public const int MinIndexedLength = 3;

    /// <summary>
    /// PostgreSQL's expression index over <c>"CaseNumber" || ' ' || "Title" || ' ' || "Summary"</c>
    /// (migration <c>CaseTextSearchJoined</c>): one bitmap scan, where an OR over three column
    /// indexes was a seq scan whenever the planner had no statistics yet (B6c in docs/BENCHMARKS.md).
    /// The query below must build the same expression for the planner to use it.
    /// </summary>
    public const string JoinedIndex = "IX_Cases_SearchText_trgm";

    /// <summary>The ids of the cases whose number, title or summary contain <paramref name="text"/> (any case).</summary>
    public static IQueryable<int> Matching(AppDbContext db, string text)
    {
        if (db.Database.IsNpgsql())
        {
            var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            // The joined text finds the candidates through the index; the three columns on their own
            // decide, so that a match across the joins (the end of the number and the start of the
            // title) is no match, exactly as before.
            return db.Cases
                .Where(c => EF.Functions.ILike(c.CaseNumber + " " + c.Title + " " + c.Summary, pattern, "\\"))
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
