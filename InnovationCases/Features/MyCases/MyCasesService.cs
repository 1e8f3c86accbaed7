using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.MyCases;

/// <summary>
/// "Mine sager": the department's cases (lead or partner) with their next step. A caseworker sees
/// the cases they registered. The page's notifications are the user's outbox rows
/// (<see cref="Notifications.NotificationInbox"/>).
/// </summary>
public sealed class MyCasesService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
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

    private static IQueryable<InnovationCase> Mine(AppDbContext db, Actor actor)
    {
        var visible = db.Cases.ListedFor(actor);
        return actor.FollowsDepartmentCases() ? visible : visible.Where(c => c.CreatedByUserId == actor.UserId);
    }
}
