using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data;

/// <summary>
/// Free text over the knowledge bank: each evaluated or stopped case's title and summary, its final
/// report's lessons and effects, and its story, ranked by relevance. On SQLite it asks the FTS5 index
/// <c>LearningSearch</c> of the migration <c>LearningTextSearch</c> (trigram, so parts of Danish
/// compound words match; ranked by bm25). Other providers get a plain case-insensitive LIKE until
/// their index is wired. Features ask this class and never know which one answered.
/// </summary>
public static class LearningTextSearch
{
    /// <summary>Shorter words have no trigram: they are matched with LIKE over the indexed texts instead.</summary>
    public const int MinIndexedLength = 3;

    /// <summary>At most this many words of a search text are used; the rest are ignored.</summary>
    public const int MaxTerms = 8;

    // bm25 weights in the index's column order: the project's own words weigh most, the story least.
    private static readonly (string Column, double Weight)[] Columns =
        [("Title", 10), ("Summary", 5), ("Lessons", 3), ("Effects", 3), ("Story", 1)];

    /// <summary>The cases whose entry contains every word of <paramref name="text"/> (any case, anywhere in a word), with a relevance score.</summary>
    public static IQueryable<LearningMatch> Matching(AppDbContext db, string text)
    {
        var terms = Terms(text);
        return db.Database.IsSqlite() ? MatchingWithIndex(db, terms) : MatchingWithLike(db, terms);
    }

    internal static IReadOnlyList<string> Terms(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxTerms)
            .ToList();

    private static IQueryable<LearningMatch> MatchingWithIndex(AppDbContext db, IReadOnlyList<string> terms)
    {
        var parameters = new List<object>();
        var conditions = new List<string>();
        // Every long word is an FTS5 phrase (in double quotes, inner quotes doubled): a substring match through the trigrams.
        var indexed = terms.Where(t => t.Length >= MinIndexedLength).Select(t => "\"" + t.Replace("\"", "\"\"") + "\"").ToList();
        if (indexed.Count > 0)
        {
            conditions.Add($"LearningSearch MATCH {{{parameters.Count}}}");
            parameters.Add(string.Join(" AND ", indexed));
        }

        foreach (var term in terms.Where(t => t.Length < MinIndexedLength))
        {
            var n = parameters.Count;
            conditions.Add("(" + string.Join(" OR ", Columns.Select(c => $"{c.Column} LIKE {{{n}}} ESCAPE '\\'")) + ")");
            parameters.Add(LikePattern(term));
        }

        if (conditions.Count == 0)
        {
            conditions.Add("0");
        }

        var score = indexed.Count > 0
            ? "-bm25(LearningSearch, " + string.Join(", ", Columns.Select(c => c.Weight.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))) + ")"
            : "0.0";
        // The SQL is assembled from constants and placeholders only; every word of the user's text is a parameter.
        var sql = $"SELECT rowid AS CaseId, {score} AS Score FROM LearningSearch WHERE {string.Join(" AND ", conditions)}";
        return db.Database.SqlQueryRaw<LearningMatch>(sql, [.. parameters]);
    }

    /// <summary>The provider-neutral search: every word in some text of the entry; the score adds the weights of the texts that contain a word.</summary>
    internal static IQueryable<LearningMatch> MatchingWithLike(AppDbContext db, IReadOnlyList<string> terms)
    {
        var entries =
            from r in db.EffectReports
            where r.IsFinal
            join c in db.Cases on r.CaseId equals c.Id
            join s in db.Stories on c.Id equals s.CaseId into stories
            from s in stories.DefaultIfEmpty()
            select new Entry
            {
                CaseId = c.Id,
                Title = c.Title.ToLower(),
                Summary = c.Summary.ToLower(),
                Lessons = r.LessonsLearned.ToLower(),
                Effects = r.Narrative.ToLower(),
                Story = s == null ? "" : (s.Title + " " + s.Lead + " " + s.BodyMarkdown + " " + s.WentWrong).ToLower(),
                Score = 0,
            };
        foreach (var term in terms)
        {
            var p = LikePattern(term.ToLowerInvariant());
            entries = entries
                .Where(e => EF.Functions.Like(e.Title, p, "\\") || EF.Functions.Like(e.Summary, p, "\\") || EF.Functions.Like(e.Lessons, p, "\\")
                    || EF.Functions.Like(e.Effects, p, "\\") || EF.Functions.Like(e.Story, p, "\\"))
                .Select(e => new Entry
                {
                    CaseId = e.CaseId, Title = e.Title, Summary = e.Summary, Lessons = e.Lessons, Effects = e.Effects, Story = e.Story,
                    Score = e.Score + (EF.Functions.Like(e.Title, p, "\\") ? 10 : 0) + (EF.Functions.Like(e.Summary, p, "\\") ? 5 : 0)
                        + (EF.Functions.Like(e.Lessons, p, "\\") ? 3 : 0) + (EF.Functions.Like(e.Effects, p, "\\") ? 3 : 0)
                        + (EF.Functions.Like(e.Story, p, "\\") ? 1 : 0),
                });
        }

        // One entry per case, as the index has (a case with two final reports counts once).
        return entries.GroupBy(e => e.CaseId).Select(g => new LearningMatch { CaseId = g.Key, Score = g.Max(e => e.Score) });
    }

    private static string LikePattern(string term) =>
        "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    // A class, not an anonymous type: each word adds to the score in another projection of the same shape.
    private sealed class Entry
    {
        public int CaseId { get; init; }
        public string Title { get; init; } = "";
        public string Summary { get; init; } = "";
        public string Lessons { get; init; } = "";
        public string Effects { get; init; } = "";
        public string Story { get; init; } = "";
        public double Score { get; init; }
    }
}
