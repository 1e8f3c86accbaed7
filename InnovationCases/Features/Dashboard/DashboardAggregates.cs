using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Board;
using InnovationCases.Features.Pools;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnovationCases.Features.Dashboard;

/// <summary>
/// Computes a <see cref="DashboardSnapshot"/> with SQL aggregates and narrow projections: cases are
/// never loaded as entities. Every case query goes through <see cref="CaseScope"/> for the actor.
/// </summary>
public sealed class DashboardAggregates(IDbContextFactory<AppDbContext> dbFactory, IOptionsMonitor<BoardOptions> limits)
{
    public const int ActivityCount = 20;

    /// <summary>Computes the dashboard for <paramref name="year"/> as <paramref name="actor"/> sees it, at <paramref name="now"/> (UTC).</summary>
    public async Task<DashboardSnapshot> ComputeAsync(Actor actor, int year, DateTime now, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = db.Cases.AsNoTracking().ListedFor(actor);
        var ofYear = cases.Where(c => c.BudgetYear == year);

        var stageCounts = await cases.GroupBy(c => c.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = Enum.GetValues<Stage>().ToDictionary(s => s, s => stageCounts.FirstOrDefault(x => x.Key == s)?.Count ?? 0);

        var pools = await PoolLedgerReader.LinesAsync(db, actor, year, ct);
        var applications = await ofYear.CountAsync(ct);

        // Decision = the Grant or Reject move (the answer the applicant waits for); the clock starts
        // at the case's first submission (SubmittedAt), so a send-back and resubmission count in the
        // wait, and it stops at the first decision. Withdrawals are the applicant's own choice and no
        // decision. Cases of the year only. The wait is kept on the case (DecisionWaits), so this
        // reads the year's part of a small index, not the decisions' events.
        var (decisionCount, medianDays) = await DecisionWaits.MedianAsync(ofYear, ct);

        var evaluated = ofYear.Where(c => c.Stage == Stage.Evaluated);
        var evaluatedCount = await evaluated.CountAsync(ct);
        var expected = await evaluated.SumAsync(c => c.ExpectedAnnualGain, ct);
        var realised = await db.EffectReports.AsNoTracking()
            .Where(r => r.IsFinal && evaluated.Select(c => c.Id).Contains(r.CaseId))
            .SumAsync(r => r.RealisedAnnualGain, ct);

        // Granted kroner = what the cases consume from their pools (PoolConsumption), summed in SQL.
        // Only the stages that consume a pool can give an amount above zero (the only ones shown),
        // and they are a range of the (BudgetYear, Stage, …) index that covers this query.
        // Grouped by the department's id, in the index, not by its name through a join per case row;
        // the few names are read apart and the sums merged by name as before.
        var consumedById = await ofYear
            .Where(c => c.Stage == Stage.Granted || c.Stage == Stage.Implemented || c.Stage == Stage.Evaluated || c.Stage == Stage.Stopped)
            .GroupBy(c => new { c.Theme, c.LeadDepartmentId }, PoolConsumption.Amount)
            .Select(g => new { g.Key.Theme, g.Key.LeadDepartmentId, Amount = g.Sum() })
            .ToListAsync(ct);
        var departmentIds = consumedById.Select(x => x.LeadDepartmentId).Distinct().ToList();
        var departmentNames = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var consumed = consumedById.Where(x => x.Amount > 0)
            .Select(x => new { x.Theme, Department = departmentNames[x.LeadDepartmentId], x.Amount })
            .ToList();
        var byTheme = consumed.GroupBy(x => x.Theme).Select(g => new { g.Key, Amount = g.Sum(x => x.Amount) }).ToList();
        var byDepartment = consumed.GroupBy(x => x.Department).Select(g => new { g.Key, Amount = g.Sum(x => x.Amount) }).ToList();

        // The maintained day rows count every case, so they serve only a reader who sees every case;
        // anyone else gets the same figures recomputed from the events of the cases they see.
        var points = DashboardMath.FlowPoints(now);
        var stages = actor.SeesEveryCase()
            ? await DayFigures.ComputeAsync(db, cases, points, now, ct)
            : await EventFigures.ComputeAsync(db, cases, points, now, ct);

        var stalled = await StalledAsync(cases, now, ct);
        var hideNotes = !actor.MayReadNotes();
        var activity = await db.CaseEvents.AsNoTracking()
            .Where(e => !hideNotes || (e.Kind != CaseEventKind.NoteAdded && e.Kind != CaseEventKind.NoteEdited))
            .Join(cases, e => e.CaseId, c => c.Id, (e, c) => new { e, c.CaseNumber, c.Title })
            .OrderByDescending(x => x.e.At).ThenByDescending(x => x.e.Id)
            .Take(ActivityCount)
            .Select(x => new ActivityItem(x.e.Id, x.CaseNumber, x.Title, x.e.Kind, x.e.FromStage, x.e.ToStage, x.e.Trigger, x.e.ActorName, x.e.At))
            .ToListAsync(ct);

        return new DashboardSnapshot(
            year,
            now,
            counts,
            pools,
            applications,
            medianDays,
            decisionCount,
            expected,
            realised,
            evaluatedCount,
            byTheme.Where(t => t.Amount > 0).OrderByDescending(t => t.Amount).Select(t => new AmountBy(t.Key.Label(), t.Amount)).ToList(),
            byDepartment.Where(d => d.Amount > 0).OrderByDescending(d => d.Amount).Select(d => new AmountBy(d.Key, d.Amount)).ToList(),
            points,
            stages.Flow,
            stages.TimeInStage,
            stalled,
            activity);
    }

    private async Task<IReadOnlyList<StalledCase>> StalledAsync(IQueryable<InnovationCase> cases, DateTime now, CancellationToken ct)
    {
        var options = limits.CurrentValue;
        var limited = DashboardMath.TimedStages.Where(s => options.LimitDaysFor(s) is not null).ToList();
        // Each stage with its own limit, so that only cases past it are read, from the covering
        // (Stage, StageChangedAt, CaseNumber, Title) index.
        var candidates = new List<(string CaseNumber, string Title, Stage Stage, DateTime StageChangedAt)>();
        foreach (var stage in limited)
        {
            var since = now.AddDays(-options.LimitDaysFor(stage)!.Value);
            var rows = await cases
                .Where(c => c.Stage == stage && c.StageChangedAt < since)
                .Select(c => new { c.CaseNumber, c.Title, c.StageChangedAt })
                .ToListAsync(ct);
            candidates.AddRange(rows.Select(r => (r.CaseNumber, r.Title, stage, r.StageChangedAt)));
        }

        return candidates
            .Select(c => new StalledCase(c.CaseNumber, c.Title, c.Stage, c.StageChangedAt, (int)(now - c.StageChangedAt).TotalDays, options.LimitDaysFor(c.Stage)!.Value))
            .Where(c => c.Days > c.LimitDays)
            .OrderBy(c => c.Since)
            .ToList();
    }
}
