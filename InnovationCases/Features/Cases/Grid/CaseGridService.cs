using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Cases.Grid;

/// <summary>
/// The all-cases grid's query: filter, sort and page in the database and project to <see cref="CaseRow"/>,
/// so a page of 50,000 cases costs one count and one narrow select. Equality filters hit the case
/// indexes; the free text uses the trigram index over number, title and summary (<see cref="CaseTextSearch"/>).
/// </summary>
public sealed class CaseGridService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxPageSize = 100;
    public const int TextMax = 200;

    public async Task<(IReadOnlyList<CaseRow> Rows, int Total)> QueryAsync(
        CaseGridFilter filter, int page, int pageSize, string? sortBy, bool descending, Actor actor, CancellationToken ct = default)
    {
        if (!actor.MayReadAllCases())
        {
            return ([], 0);
        }

        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(0, page);

        // The count and the page's ids are independent reads: run them side by side on two
        // connections (SQLite in WAL lets readers run in parallel), which halves a free-text search
        // that must scan every row twice.
        var countTask = CountAsync(filter, actor, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = Filter(db.Cases.AsNoTracking().ListedFor(actor), filter, db);
        // Two steps: page over the narrow (sort key, id) first, then read the page's 25 rows with their
        // joins. Sorting whole rows with OFFSET deep into 50,000 cases is what makes a grid slow.
        var ids = await Sort(q, sortBy, descending)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(c => c.Id)
            .ToListAsync(ct);
        var total = await countTask;
        var found = await db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                Row = new CaseRow(
                    c.CaseNumber, c.Title, c.Stage, c.Pool!.Kind, c.BudgetYear, c.Theme, c.LeadDepartment!.Name,
                    c.RequestedAmount, c.GrantedAmount, c.SubmittedAt, c.StageChangedAt),
            })
            .ToDictionaryAsync(x => x.Id, x => x.Row, ct);
        var rows = ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
        return (rows, total);
    }

    private async Task<int> CountAsync(CaseGridFilter filter, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Filter(db.Cases.AsNoTracking().ListedFor(actor), filter, db).CountAsync(ct);
    }

    internal static IQueryable<InnovationCase> Filter(IQueryable<InnovationCase> q, CaseGridFilter f, AppDbContext db)
    {
        if (f.Stage is { } stage)
        {
            q = q.Where(c => c.Stage == stage);
        }

        if (f.RoundId is { } round)
        {
            q = q.Where(c => c.RoundId == round);
        }

        if (f.Year is { } year)
        {
            q = q.Where(c => c.BudgetYear == year);
        }

        if (f.PoolKind is { } kind)
        {
            q = q.Where(c => c.Pool!.Kind == kind);
        }

        if (f.Theme is { } theme)
        {
            q = q.Where(c => c.Theme == theme);
        }

        if (f.DepartmentId is { } d)
        {
            // The department's case ids from two indexes (lead, partner) first, then the cases by
            // primary key: an OR across the two would make SQLite scan every case.
            var departmentCases = q.Where(c => c.LeadDepartmentId == d).Select(c => c.Id)
                .Union(db.CasePartnerDepartments.Where(p => p.DepartmentId == d).Select(p => p.CaseId));
            q = q.Where(c => departmentCases.Contains(c.Id));
        }

        if (f.MinAmount is { } min)
        {
            q = q.Where(c => c.RequestedAmount >= min);
        }

        if (f.MaxAmount is { } max)
        {
            q = q.Where(c => c.RequestedAmount <= max);
        }

        var text = f.Text?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            text = text.Length > TextMax ? text[..TextMax] : text;
            if (text.Length >= CaseTextSearch.MinIndexedLength)
            {
                // The trigram index finds substrings without scanning every case (B6c).
                var matching = CaseTextSearch.Matching(db, text);
                q = q.Where(c => matching.Contains(c.Id));
            }
            else
            {
                var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
                q = q.Where(c => EF.Functions.Like(c.CaseNumber, pattern, "\\")
                    || EF.Functions.Like(c.Title, pattern, "\\")
                    || EF.Functions.Like(c.Summary, pattern, "\\"));
            }
        }

        return q;
    }

    /// <summary>Stages are stored by name; sort them in workflow order, not alphabetically.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<InnovationCase, int>> StageOrder = c =>
        c.Stage == Stage.Submitted ? 0 : c.Stage == Stage.Screened ? 1 : c.Stage == Stage.Recommended ? 2 : c.Stage == Stage.Granted ? 3
        : c.Stage == Stage.Implemented ? 4 : c.Stage == Stage.Evaluated ? 5 : c.Stage == Stage.Rejected ? 6 : c.Stage == Stage.Withdrawn ? 7 : 8;

    private static IQueryable<InnovationCase> Sort(IQueryable<InnovationCase> q, string? sortBy, bool desc) => (sortBy switch
    {
        nameof(CaseRow.Title) => desc ? q.OrderByDescending(c => c.Title) : q.OrderBy(c => c.Title),
        nameof(CaseRow.Stage) => desc ? q.OrderByDescending(StageOrder) : q.OrderBy(StageOrder),
        nameof(CaseRow.BudgetYear) => desc ? q.OrderByDescending(c => c.BudgetYear) : q.OrderBy(c => c.BudgetYear),
        nameof(CaseRow.RequestedAmount) => desc ? q.OrderByDescending(c => c.RequestedAmount) : q.OrderBy(c => c.RequestedAmount),
        nameof(CaseRow.GrantedAmount) => desc ? q.OrderByDescending(c => c.GrantedAmount) : q.OrderBy(c => c.GrantedAmount),
        nameof(CaseRow.SubmittedAt) => desc ? q.OrderByDescending(c => c.SubmittedAt) : q.OrderBy(c => c.SubmittedAt),
        nameof(CaseRow.StageChangedAt) => desc ? q.OrderByDescending(c => c.StageChangedAt) : q.OrderBy(c => c.StageChangedAt),
        nameof(CaseRow.CaseNumber) => desc ? q.OrderByDescending(c => c.CaseNumber) : q.OrderBy(c => c.CaseNumber),
        _ => q.OrderByDescending(c => c.SubmittedAt),
    }).ThenBy(c => c.Id);
}
