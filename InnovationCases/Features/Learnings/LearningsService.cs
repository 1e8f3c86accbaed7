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
                select new Hit { R = r, C = c, S = s, Score = 0 };
        if (query.MinRealisedGain is { } min)
        {
            q = q.Where(x => x.R.RealisedAnnualGain >= min);
        }

        var text = query.Text?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            text = text.Length > TextMax ? text[..TextMax] : text;
            q = from x in q
                join m in LearningTextSearch.Matching(db, text) on x.C.Id equals m.CaseId
                select new Hit { R = x.R, C = x.C, S = x.S, Score = m.Score };
        }

        var rows = await q
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.R.CreatedAt)
            .Take(Limit)
            .Select(x => new
            {
                Learning = new Learning(
                    x.C.CaseNumber, x.C.Title, x.C.Stage, x.C.Theme, x.C.LeadDepartment!.Name, x.R.LessonsLearned, x.R.Narrative,
                    x.C.ExpectedAnnualGain, x.R.RealisedAnnualGain, x.R.LivesOn, x.R.CreatedAt),
                x.C.Id,
                Cost = x.C.ActualSpend ?? x.C.GrantedAmount,
                StoryTitle = x.S == null ? null : x.S.Title,
                StoryLead = x.S == null ? null : x.S.Lead,
                StoryPublished = x.S != null && x.S.IsPublished,
            })
            .ToListAsync(ct);

        var ids = rows.Select(r => r.Id).ToList();
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
            AdoptedBy = adoptions[r.Id].Select(a => a.Name).Order().ToList(),
            AdoptedGain = adoptions[r.Id].Sum(a => a.ExpectedAnnualGain),
            Indicators = outcomes[r.Id].ToList(),
        }).ToList();
    }

    // A class, not an anonymous type: the search adds the score in a second projection of the same shape.
    private sealed class Hit
    {
        public EffectReport R { get; init; } = default!;
        public InnovationCase C { get; init; } = default!;
        public Story? S { get; init; }
        public double Score { get; init; }
    }
}
