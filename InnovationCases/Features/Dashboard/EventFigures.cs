using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Dashboard;

/// <summary>
/// The stage figures recomputed from the event log of the cases given: for a reader who sees only
/// some cases (a department's staff), whose figures the all-cases <c>StageDay</c> rows cannot give,
/// and the reference the maintained rows are tested against. Reads every stage event of those cases.
/// </summary>
public static class EventFigures
{
    public static async Task<StageFigures> ComputeAsync(AppDbContext db, IQueryable<InnovationCase> cases,
        IReadOnlyList<DateTime> points, DateTime now, CancellationToken ct)
    {
        var log = await db.CaseEvents.AsNoTracking()
            .Where(e => e.Kind == CaseEventKind.Created || e.Kind == CaseEventKind.Moved)
            .Join(cases, e => e.CaseId, c => c.Id, (e, c) => new StageEvent(e.CaseId, c.CaseNumber, e.At, e.ToStage))
            .ToListAsync(ct);
        var past = log.Where(e => e.At <= now).ToList();
        return new StageFigures(
            DashboardMath.CumulativeFlow(past, points),
            DashboardMath.TimeInStage(DashboardMath.Stays(past, now)));
    }
}
