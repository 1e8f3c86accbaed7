using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Public;

/// <summary>
/// What the public pages and files may show, read in one place so that the no-leak rule has one
/// home: a project is public only while its story is published and its money granted, and only the
/// fields of <see cref="PublicProject"/> leave this class.
/// </summary>
public sealed class PublicProjects(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int StoriesShown = 50;

    /// <summary>How many budget years the key figures cover: the current one and the ones before it.</summary>
    public const int YearsShown = 5;

    public async Task<IReadOnlyList<PublicStory>> StoriesAsync(int take = StoriesShown, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Published(db)
            .OrderByDescending(x => x.S.PublishedAt).ThenByDescending(x => x.S.Id)
            .Take(take)
            .Select(x => new PublicStory(x.C.CaseNumber, x.S.Title, x.S.Lead, x.S.PublishedAt!.Value, x.S.UpdatedAt, x.C.Theme, x.C.LeadDepartment!.Name))
            .ToListAsync(ct);
    }

    public async Task<PublicProject?> ProjectAsync(string caseNumber, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await Published(db).Where(x => x.C.CaseNumber == caseNumber)
            .Select(x => new
            {
                x.C.Id, x.C.CaseNumber, x.C.Title, x.C.Summary, x.C.Theme, Department = x.C.LeadDepartment!.Name, x.C.PeriodStart, x.C.PeriodEnd,
                Granted = x.C.GrantedAmount!.Value, x.C.Stage, StoryTitle = x.S.Title, x.S.Lead, x.S.BodyMarkdown, x.S.WentWrong, x.S.PublishedAt, x.S.UpdatedAt,
            })
            .SingleOrDefaultAsync(ct);
        if (p is null)
        {
            return null;
        }

        var adopted = await db.Adoptions.Where(a => a.CaseId == p.Id).OrderBy(a => a.Department!.Name).Select(a => a.Department!.Name).ToListAsync(ct);
        return new PublicProject(p.CaseNumber, p.Title, p.Summary, p.Theme, p.Department, p.PeriodStart, p.PeriodEnd, p.Granted, p.Stage,
            p.StoryTitle, p.Lead, p.BodyMarkdown, p.WentWrong, p.PublishedAt!.Value, p.UpdatedAt, adopted)
        {
            Indicators = (await Delivery.IndicatorOutcomes.ForCasesAsync(db, [p.Id], ct))[p.Id].ToList(),
        };
    }

    /// <summary>Every published project, for the open-data file (newest first).</summary>
    public async Task<IReadOnlyList<PublicProject>> AllAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Published(db)
            .OrderByDescending(x => x.S.PublishedAt)
            .Select(x => new PublicProject(x.C.CaseNumber, x.C.Title, x.C.Summary, x.C.Theme, x.C.LeadDepartment!.Name, x.C.PeriodStart, x.C.PeriodEnd,
                x.C.GrantedAmount!.Value, x.C.Stage, x.S.Title, x.S.Lead, "", "", x.S.PublishedAt!.Value, x.S.UpdatedAt, new List<string>()))
            .ToListAsync(ct);
        return rows;
    }

    /// <summary>Key figures per budget year, newest first: the current Danish year and the <see cref="YearsShown"/> − 1 before it.</summary>
    public async Task<IReadOnlyList<PublicYearFigures>> FiguresAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = DanishTime.Today(clock.GetUtcNow()).Year;
        var first = current - YearsShown + 1;
        var granted = db.Cases.Where(c => c.GrantedAmount != null && c.BudgetYear >= first && c.BudgetYear <= current);
        var perTheme = await granted.GroupBy(c => new { c.BudgetYear, c.Theme })
            .Select(g => new { g.Key.BudgetYear, g.Key.Theme, Count = g.Count(), Sum = g.Sum(c => c.GrantedAmount!.Value) })
            .ToListAsync(ct);
        var realised = await db.EffectReports.Where(r => r.IsFinal)
            .Join(granted, r => r.CaseId, c => c.Id, (r, c) => new { c.BudgetYear, r.RealisedAnnualGain })
            .GroupBy(x => x.BudgetYear).Select(g => new { Year = g.Key, Sum = g.Sum(x => x.RealisedAnnualGain) })
            .ToDictionaryAsync(x => x.Year, x => x.Sum, ct);
        var spread = await granted.Where(c => db.Adoptions.Any(a => a.CaseId == c.Id))
            .GroupBy(c => c.BudgetYear).Select(g => new { Year = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Year, x => x.Count, ct);
        return Enumerable.Range(first, YearsShown).Reverse()
            .Select(y =>
            {
                var themes = perTheme.Where(t => t.BudgetYear == y).OrderByDescending(t => t.Sum).ToList();
                return new PublicYearFigures(y, themes.Sum(t => t.Count), themes.Sum(t => t.Sum), realised.GetValueOrDefault(y), spread.GetValueOrDefault(y),
                    themes.Select(t => (t.Theme, t.Sum)).ToList());
            })
            .ToList();
    }

    private static IQueryable<Row> Published(AppDbContext db) =>
        from s in db.Stories
        where s.IsPublished && s.PublishedAt != null
        join c in db.Cases on s.CaseId equals c.Id
        where c.GrantedAmount != null
        select new Row { S = s, C = c };

    private sealed class Row
    {
        public Story S { get; init; } = default!;
        public InnovationCase C { get; init; } = default!;
    }
}
