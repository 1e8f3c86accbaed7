using System.Linq.Expressions;
using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Board;

/// <summary>
/// The board's reads. Column counts and sums come from one grouped query; each column loads a
/// bounded page of cards (keyset paging, most recently moved first), so 5,000 open cases cost
/// the same as 50. Every query that lists cases goes through <see cref="CaseScope"/>.
/// </summary>
public sealed class BoardService(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The board's columns: the open stages in workflow order, then the closed ends.</summary>
    public static readonly IReadOnlyList<Stage> Columns = [.. StageExtensions.Open, .. StageExtensions.Closed];

    /// <summary>
    /// Counts, sums and the first page of every column, with the filters' choices. Without
    /// <paramref name="closedCards"/> the closed columns come with their totals but no cards: the
    /// board shows them collapsed, and reads their first pages when they are opened.
    /// </summary>
    public async Task<BoardSnapshot> LoadAsync(Actor actor, BoardFilter filter, int pageSize, CancellationToken ct = default, bool closedCards = true)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // Read first: a change committed while the rest is read then counts as possibly missed.
        var latestEvent = await LatestEventIdAsync(db, ct);
        var scoped = Filtered(db.Cases.AsNoTracking().ListedFor(actor), filter);

        var totals = await scoped
            .GroupBy(c => c.Stage)
            .Select(g => new
            {
                Stage = g.Key,
                Count = g.Count(),

                // The SQL form of BoardItem.Amount: granted once granted, requested before.
                Sum = g.Sum(c => c.Stage == Stage.Granted || c.Stage == Stage.Implemented || c.Stage == Stage.Evaluated || c.Stage == Stage.Stopped
                    ? c.GrantedAmount ?? c.RequestedAmount
                    : c.RequestedAmount),
            })
            .ToListAsync(ct);

        var cards = new Dictionary<Stage, IReadOnlyList<BoardItem>>();
        foreach (var stage in Columns)
        {
            cards[stage] = closedCards || !stage.IsClosed()
                ? await PageQuery(scoped, stage, after: null).Take(pageSize).ToListAsync(ct)
                : [];
        }

        var years = await db.BudgetYears.AsNoTracking().OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new DepartmentChoice(d.Id, d.Name)).ToListAsync(ct);

        var columns = Columns.ToDictionary(
            s => s,
            s => totals.FirstOrDefault(t => t.Stage == s) is { } t ? new ColumnTotal(t.Count, t.Sum) : new ColumnTotal(0, 0));
        // The cross-cutting pool's application rounds, newest first (a round and a department are both an id and a name).
        var rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.OpensOn).Select(r => new DepartmentChoice(r.Id, r.Name)).ToListAsync(ct);
        return new BoardSnapshot(columns, cards, years, departments, rounds, latestEvent);
    }

    /// <summary>The newest case event's id (0 when there is none); see <see cref="BoardSnapshot.LatestEventId"/>.</summary>
    public async Task<long> LatestEventIdAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LatestEventIdAsync(db, ct);
    }

    private static async Task<long> LatestEventIdAsync(AppDbContext db, CancellationToken ct) =>
        await db.CaseEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;

    /// <summary>The next page of one column, after the last card the board already shows.</summary>
    public async Task<ColumnPage> LoadMoreAsync(Actor actor, BoardFilter filter, Stage stage, BoardItem? after, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scoped = Filtered(db.Cases.AsNoTracking().ListedFor(actor), filter);
        return new ColumnPage(await PageQuery(scoped, stage, after).Take(pageSize).ToListAsync(ct));
    }

    /// <summary>
    /// One card, read without a user's scope: <see cref="BoardFeed"/> reads a changed case once and
    /// every board decides for itself whether its user may see it.
    /// </summary>
    public async Task<BoardItem?> LoadItemAsync(int caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(ToItem).SingleOrDefaultAsync(ct);
    }

    /// <summary>What the side panel shows; null when the case does not exist or the actor may not see it.</summary>
    public async Task<CaseDetails?> LoadDetailsAsync(string caseNumber, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Cases.AsNoTracking().ListedFor(actor)
            .Include(x => x.LeadDepartment)
            .Include(x => x.Pool)
            .Include(x => x.PartnerDepartments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, ct);
        if (c is null)
        {
            return null;
        }

        var partnerIds = c.PartnerDepartments.Select(p => p.DepartmentId).ToList();
        var partners = await db.Departments.AsNoTracking().Where(d => partnerIds.Contains(d.Id)).OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(ct);
        IReadOnlyList<Assessment>? assessments = null;
        if (actor.MayReadAssessments())
        {
            assessments = await db.Assessments.AsNoTracking().Include(a => a.Scores).Where(a => a.CaseId == c.Id).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        }

        var events = (await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).OrderByDescending(e => e.Id).ToListAsync(ct))
            .Where(e => actor.MayReadEvent(e.Kind)).ToList();
        return new CaseDetails(c, partners, assessments, events);
    }

    internal static IQueryable<InnovationCase> Filtered(IQueryable<InnovationCase> cases, BoardFilter filter)
    {
        if (filter.Pool is { } kind)
        {
            cases = cases.Where(c => c.Pool!.Kind == kind);
        }

        if (filter.Year is { } year)
        {
            cases = cases.Where(c => c.BudgetYear == year);
        }

        if (filter.RoundId is { } round)
        {
            cases = cases.Where(c => c.RoundId == round);
        }

        if (filter.Theme is { } theme)
        {
            cases = cases.Where(c => c.Theme == theme);
        }

        if (filter.DepartmentId is { } d)
        {
            cases = cases.Where(c => c.LeadDepartmentId == d || c.PartnerDepartments.Any(p => p.DepartmentId == d));
        }

        if (filter.TrimmedText is { } text)
        {
            var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            cases = cases.Where(c => EF.Functions.Like(c.Title, pattern, "\\") || EF.Functions.Like(c.CaseNumber, pattern, "\\"));
        }

        return cases;
    }

    private static IQueryable<BoardItem> PageQuery(IQueryable<InnovationCase> scoped, Stage stage, BoardItem? after)
    {
        var q = scoped.Where(c => c.Stage == stage);
        if (after is not null)
        {
            var t = after.StageChangedAt;
            var id = after.Id;
            q = q.Where(c => c.StageChangedAt < t || (c.StageChangedAt == t && c.Id < id));
        }

        return q.OrderByDescending(c => c.StageChangedAt).ThenByDescending(c => c.Id).Select(ToItem);
    }


    private static readonly Expression<Func<InnovationCase, BoardItem>> ToItem = c => new BoardItem
    {
        Id = c.Id,
        CaseNumber = c.CaseNumber,
        Version = c.Version,
        Title = c.Title,
        Stage = c.Stage,
        StageChangedAt = c.StageChangedAt,
        PoolId = c.PoolId,
        PoolKind = c.Pool!.Kind,
        PoolDepartmentId = c.Pool.DepartmentId,
        BudgetYear = c.BudgetYear,
        RoundId = c.RoundId,
        Theme = c.Theme,
        LeadDepartmentId = c.LeadDepartmentId,
        LeadDepartmentName = c.LeadDepartment!.Name,
        PartnerDepartmentIds = c.PartnerDepartments.Select(p => p.DepartmentId).ToList(),
        RequestedAmount = c.RequestedAmount,
        RecommendedAmount = c.RecommendedAmount,
        GrantedAmount = c.GrantedAmount,
        PeriodStart = c.PeriodStart,
        PeriodEnd = c.PeriodEnd,
        RiskLevel = c.RiskLevel,
        HasQualifyingAssessment = c.Assessments.Any(a => a.MainCriterionMet),
        ExpectedAnnualGain = c.ExpectedAnnualGain,
        // Evaluated in the app on the four columns read (the last projection): the same judgement as
        // the guards', which SQL's trim would not give for tabs and line breaks.
        FilledTexts = BoardItem.Filled(c.GainDescription, c.Risks, c.Viability, c.EffectPlan),
        GrantedAt = c.GrantedAt,
        Paid = c.Payments.Sum(p => (long?)p.Amount) ?? 0,
        MilestoneWeight = c.Milestones.Sum(m => (long?)m.Weight) ?? 0,
        MilestoneWeightDone = c.Milestones.Where(m => m.DoneDate != null).Sum(m => (long?)m.Weight) ?? 0,
        OldestOpenDue = c.Milestones.Where(m => m.DoneDate == null).Min(m => (DateOnly?)m.DueDate),
        LastMeasurement = c.Indicators.SelectMany(i => i.Measurements).Max(m => (DateOnly?)m.Date),
    };
}
