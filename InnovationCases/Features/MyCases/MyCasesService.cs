using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.MyCases;

/// <summary>
/// "Mine sager": the department's cases (lead or partner) with their next step, and the
/// notifications derived from the stage changes of those cases since the user last read them.
/// A caseworker sees the cases they registered.
/// </summary>
public sealed class MyCasesService(IDbContextFactory<AppDbContext> dbFactory, DbWriter writer, TimeProvider clock)
{
    public const int NotificationLimit = 20;

    /// <summary>Without a read mark, notifications reach back this far.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    public async Task<IReadOnlyList<MyCaseRow>> CasesAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var thisYear = DanishTime.Today(now).Year;
        var raw = await Mine(db, actor)
            .Select(c => new
            {
                c.CaseNumber,
                c.Title,
                c.Stage,
                c.StageChangedAt,
                c.RequestedAmount,
                c.RecommendedAmount,
                c.GrantedAmount,
                c.LeadDepartmentId,
                PoolKind = c.Pool!.Kind,
                c.PeriodStart,
                c.PeriodEnd,
                HasReportThisYear = c.EffectReports.Any(r => r.Year == thisYear),
            })
            .ToListAsync(ct);
        return raw
            .OrderBy(r => r.Stage.IsActive() ? 0 : 1)
            .ThenByDescending(r => r.StageChangedAt)
            .Select(r => new MyCaseRow(
                r.CaseNumber,
                r.Title,
                r.Stage,
                Math.Max(0, (int)(now - r.StageChangedAt).TotalDays),
                NextStep(r.Stage, r.PoolKind, r.RecommendedAmount, BusinessCase.IsMultiYear(r.PeriodStart, r.PeriodEnd), r.HasReportThisYear, thisYear),
                r.RequestedAmount,
                r.GrantedAmount,
                !actor.FollowsDepartmentCases() || r.LeadDepartmentId == actor.DepartmentId))
            .ToList();
    }

    /// <summary>The next step of a case in plain Danish.</summary>
    public static string NextStep(Stage stage, PoolKind pool, long? recommended, bool multiYear, bool hasReportThisYear, int year) => stage switch
    {
        Stage.Submitted => MyCasesText.Next_Screening,
        Stage.Screened => pool == PoolKind.CrossCutting ? MyCasesText.Next_Assessment : MyCasesText.Next_Recommendation,
        Stage.Recommended => BusinessCase.NeedsCouncilDecision(pool, recommended ?? 0, multiYear) ? MyCasesText.Next_Council : MyCasesText.Next_Grant,
        Stage.Granted or Stage.Implemented when !hasReportThisYear => string.Format(MyCasesText.Next_EffectReport, year),
        Stage.Granted => MyCasesText.Next_Implementation,
        Stage.Implemented => MyCasesText.Next_Evaluation,
        _ => MyCasesText.Next_None,
    };

    public async Task<IReadOnlyList<CaseNotification>> NotificationsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var readAt = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.NotificationsReadAt).SingleOrDefaultAsync(ct);
        var since = readAt ?? clock.GetUtcNow().UtcDateTime - DefaultWindow;
        var mine = Mine(db, actor);
        return await db.CaseEvents
            .Where(e => e.Kind == CaseEventKind.Moved && e.At > since && e.ActorUserId != actor.UserId)
            .Join(mine, e => e.CaseId, c => c.Id, (e, c) => new { e, c.CaseNumber, c.Title })
            .OrderByDescending(x => x.e.Id)
            .Take(NotificationLimit)
            .Select(x => new CaseNotification(x.e.Id, x.CaseNumber, x.Title, x.e.Trigger, x.e.FromStage, x.e.ToStage, x.e.ActorName, x.e.At, x.e.Note))
            .ToListAsync(ct);
    }

    /// <summary>Marks everything up to now as read.</summary>
    public Task MarkReadAsync(Actor actor, CancellationToken ct = default) => writer.WriteAsync(async db =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Users.Where(u => u.Id == actor.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.NotificationsReadAt, now), ct);
    }, ct);

    private static IQueryable<InnovationCase> Mine(AppDbContext db, Actor actor)
    {
        var visible = db.Cases.ListedFor(actor);
        return actor.FollowsDepartmentCases() ? visible : visible.Where(c => c.CreatedByUserId == actor.UserId);
    }
}
