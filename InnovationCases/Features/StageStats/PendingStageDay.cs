using InnovationCases.Domain;

namespace InnovationCases.Features.StageStats;

/// <summary>
/// One stage change's part of a <see cref="StageDay"/>, appended in the change's transaction and not
/// yet merged (<see cref="StageDayFold"/>). Appending conflicts with no other writer: before, every
/// move updated today's shared rows and held their row locks to its commit, and concurrent moves on
/// PostgreSQL queued on them. The dashboard reads these rows beside the folded ones
/// (<see cref="StageDayReader"/>), so its figures do not wait for the fold.
/// </summary>
public sealed class PendingStageDay
{
    public long Id { get; set; }

    public DateOnly Day { get; set; }
    public Stage Stage { get; set; }
    public int Entered { get; set; }
    public int Left { get; set; }
    public long EnteredAtMs { get; set; }
    public long LeftEnteredAtMs { get; set; }
    public long LeftStayMs { get; set; }

    // One change ends at most one stay: its slow slot (NoStay for an entry).
    public long SlowMs { get; set; } = StageDay.NoStay;
    public int SlowCaseId { get; set; }

    /// <summary>The part a day row holding just one change brings (its first slow slot).</summary>
    public static PendingStageDay Of(StageDay day) => new()
    {
        Day = day.Day, Stage = day.Stage, Entered = day.Entered, Left = day.Left, EnteredAtMs = day.EnteredAtMs,
        LeftEnteredAtMs = day.LeftEnteredAtMs, LeftStayMs = day.LeftStayMs, SlowMs = day.Slow1Ms, SlowCaseId = day.Slow1CaseId,
    };

    /// <summary>The day row holding just this part, for <see cref="StageDay.Merge"/>.</summary>
    public StageDay ToDay() => new()
    {
        Day = Day, Stage = Stage, Entered = Entered, Left = Left, EnteredAtMs = EnteredAtMs,
        LeftEnteredAtMs = LeftEnteredAtMs, LeftStayMs = LeftStayMs, Slow1Ms = SlowMs, Slow1CaseId = SlowCaseId,
    };
}
