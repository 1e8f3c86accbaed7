using InnovationCases.Data;

namespace InnovationCases.Features.StageStats;

/// <summary>
/// The day rows as the dashboard reads them: the folded <see cref="StageDay"/> rows and the
/// <see cref="PendingStageDay"/> rows not folded yet, in one statement (so a fold committing meanwhile
/// moves nothing in or out of what it sees). Sums over both are the sums of the merged rows; the
/// slowest stays of both hold the slowest of the merged rows, since each pending row holds its one stay.
/// </summary>
public static class StageDayReader
{
    public static IQueryable<StageDay> Rows(AppDbContext db) =>
        db.StageDays
            .Select(d => new StageDay
            {
                Day = d.Day, Stage = d.Stage, Entered = d.Entered, Left = d.Left, EnteredAtMs = d.EnteredAtMs,
                LeftEnteredAtMs = d.LeftEnteredAtMs, LeftStayMs = d.LeftStayMs,
                Slow1Ms = d.Slow1Ms, Slow1CaseId = d.Slow1CaseId, Slow2Ms = d.Slow2Ms, Slow2CaseId = d.Slow2CaseId,
                Slow3Ms = d.Slow3Ms, Slow3CaseId = d.Slow3CaseId,
            })
            .Concat(db.PendingStageDays.Select(p => new StageDay
            {
                Day = p.Day, Stage = p.Stage, Entered = p.Entered, Left = p.Left, EnteredAtMs = p.EnteredAtMs,
                LeftEnteredAtMs = p.LeftEnteredAtMs, LeftStayMs = p.LeftStayMs,
                Slow1Ms = p.SlowMs, Slow1CaseId = p.SlowCaseId, Slow2Ms = StageDay.NoStay, Slow2CaseId = 0,
                Slow3Ms = StageDay.NoStay, Slow3CaseId = 0,
            }));
}
