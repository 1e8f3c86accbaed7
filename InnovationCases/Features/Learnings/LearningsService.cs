using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Learnings;

/// <summary>
/// The knowledge bank for the whole municipality: the final reports of every evaluated and stopped
/// case, for every role <see cref="Permissions.MayReadKnowledgeBank"/> allows (not limited to the
/// actor's own cases). Free text searches title, summary, lessons, effects and the story through
/// <see cref="LearningTextSearch"/>; with text, results come in order of relevance.
/// </summary>
public sealed class LearningsService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int Limit = 200;
    public const int TextMax = 200;

    // The largest batch of matches joined at once (an IN list of case ids).
    private const int MaxBatch = 4_000;

    public Task<IReadOnlyList<Learning>> SearchAsync(string? text, Theme? theme, int? departmentId, Actor actor, CancellationToken ct = default) =>
        SearchAsync(new LearningsQuery(text, theme, departmentId), actor, ct);

    public async Task<IReadOnlyList<Learning>> SearchAsync(LearningsQuery query, Actor actor, CancellationToken ct = default)
    {
        if (!actor.MayReadKnowledgeBank())
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = db.Cases.Where(c => c.Stage == Stage.Evaluated || c.Stage == Stage.Stopped);
        if (query.Outcome is Stage.Evaluated or Stage.Stopped)
        {
            cases = cases.Where(c => c.Stage == query.Outcome);
        }

        if (query.Theme is { } t)
        {
            cases = cases.Where(c => c.Theme == t);
        }

        if (query.DepartmentId is { } d)
        {
            cases = cases.Where(c => c.LeadDepartmentId == d || c.PartnerDepartments.Any(p => p.DepartmentId == d));
        }

        var q = from r in db.EffectReports
                where r.IsFinal
                join c in cases on r.CaseId equals c.Id
                join s in db.Stories on c.Id equals s.CaseId into stories
                from s in stories.DefaultIfEmpty()
                select new Hit { R = r, C = c, S = s };
        if (query.MinRealisedGain is { } min)
        {
            q = q.Where(x => x.R.RealisedAnnualGain >= min);
        }

        var text = query.Text?.Trim();
        var rows = string.IsNullOrEmpty(text)
            ? await Rows(q.OrderByDescending(x => x.R.CreatedAt).ThenByDescending(x => x.R.Id).Take(Limit)).ToListAsync(ct)
            : await BestMatchesAsync(q, text.Length > TextMax ? text[..TextMax] : text, ct);

        var ids = rows.Select(r => r.CaseId).ToList();
        var adoptions = (await db.Adoptions.Where(a => ids.Contains(a.CaseId))
                .Select(a => new { a.CaseId, a.Department!.Name, a.ExpectedAnnualGain }).ToListAsync(ct))
            .ToLookup(a => a.CaseId);
        var outcomes = await Delivery.IndicatorOutcomes.ForCasesAsync(db, ids, ct);
        return rows.Select(r => r.Learning with
        {
            Cost = r.Cost,
            StoryTitle = r.StoryTitle,
            StoryLead = r.StoryLead,
            StoryPublished = r.StoryPublished,
            AdoptedBy = adoptions[r.CaseId].Select(a => a.Name).Order().ToList(),
            AdoptedGain = adoptions[r.CaseId].Sum(a => a.ExpectedAnnualGain),
            Indicators = outcomes[r.CaseId].ToList(),
        }).ToList();
    }

    /// <summary>
    /// The <see cref="Limit"/> best matches of <paramref name="text"/> that pass the filters, in the order that scoring
    /// every match, filtering, ordering (score, then the report's date, then the report) and taking would give, but
    /// joining only as many matches as that order needs. The index scores and sorts its matches in one pass; they are
    /// read best first, and the filters join them in growing batches until the list is full, then join the matches
    /// that tie with its last entry, and stop at the first match that scores below it. When filters drop most
    /// matches, the batches grow until every match has been read.
    /// </summary>
    private async Task<List<Row>> BestMatchesAsync(IQueryable<Hit> filtered, string text, CancellationToken ct)
    {
        // A context of its own: the matches stay open on its connection while the batches join on the other.
        await using var rankDb = await dbFactory.CreateDbContextAsync(ct);
        await using var matches = LearningTextSearch.Matching(rankDb, text).OrderByDescending(m => m.Score)
            .AsAsyncEnumerable().GetAsyncEnumerator(ct);
        var best = new List<(Row Row, double Score)>();
        var scores = new Dictionary<int, double>();
        var more = await matches.MoveNextAsync();
        for (var size = Limit; more; size = Math.Min(size * 4, MaxBatch))
        {
            // Every match not read yet scores at most as the last one read, so once the list is full only a match
            // that ties with its last entry can still enter (by a later report): the next batch is those ties alone.
            var floor = best.Count == Limit ? best[^1].Score : double.NegativeInfinity;
            scores.Clear();
            while (more && scores.Count < size && matches.Current.Score >= floor)
            {
                scores[matches.Current.CaseId] = matches.Current.Score;
                more = await matches.MoveNextAsync();
            }

            if (scores.Count == 0)
            {
                break;
            }

            var ids = scores.Keys.ToList();
            var found = await Rows(filtered.Where(x => ids.Contains(x.C.Id))).ToListAsync(ct);
            best = best.Concat(found.Select(r => (Row: r, Score: scores[r.CaseId])))
                .OrderByDescending(b => b.Score).ThenByDescending(b => b.Row.Learning.ReportedAt).ThenByDescending(b => b.Row.ReportId)
                .Take(Limit)
                .ToList();
        }

        return best.ConvertAll(b => b.Row);
    }

    private static IQueryable<Row> Rows(IQueryable<Hit> hits) =>
        hits.Select(x => new Row(
            new Learning(
                x.C.CaseNumber, x.C.Title, x.C.Stage, x.C.Theme, x.C.LeadDepartment!.Name, x.R.LessonsLearned, x.R.Narrative,
                x.C.ExpectedAnnualGain, x.R.RealisedAnnualGain, x.R.LivesOn, x.R.CreatedAt),
            x.C.Id,
            x.R.Id,
            x.C.ActualSpend ?? x.C.GrantedAmount,
            x.S == null ? null : x.S.Title,
            x.S == null ? null : x.S.Lead,
            x.S != null && x.S.IsPublished));

    // A class, not an anonymous type: the filters and the batches of matches compose over the same shape.
    private sealed class Hit
    {
        public EffectReport R { get; init; } = default!;
        public InnovationCase C { get; init; } = default!;
        public Story? S { get; init; }
    }

    private sealed record Row(Learning Learning, int CaseId, int ReportId, long? Cost, string? StoryTitle, string? StoryLead, bool StoryPublished);
}
