using InnovationCases.Domain;

namespace InnovationCases.Features.StageStats;

/// <summary>
/// One UTC day of one stage's traffic: every stage change appends its part in its own transaction
/// (<see cref="StageDayWriter"/>, a <see cref="PendingStageDay"/> row), <see cref="StageDayFold"/>
/// merges those into these rows, and <see cref="StageDayRebuild"/> recomputes them from the event log.
/// The dashboard's cumulative flow and time in stage read these rows instead of every event, so
/// their cost grows with the number of days, not the number of events.
/// </summary>
/// <remarks>
/// A day runs from just after midnight up to and including the next midnight (<see cref="DayOf"/>):
/// the flow's month ends are midnights, and a change at exactly that instant belongs to the month
/// that closes then. Instants are whole milliseconds since <see cref="Epoch"/> so that sums of them
/// fit a 64-bit integer on every provider.
/// </remarks>
public sealed class StageDay
{
    /// <summary>The origin of the millisecond instants (2000-01-01 UTC).</summary>
    public static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>No stay in a slow slot yet: every real stay, even one of 0 ms, is longer.</summary>
    public const long NoStay = -1;

    public DateOnly Day { get; set; }
    public Stage Stage { get; set; }

    /// <summary>Cases that entered the stage on the day.</summary>
    public int Entered { get; set; }

    /// <summary>Cases that left the stage on the day: each ends one stay in it.</summary>
    public int Left { get; set; }

    /// <summary>The sum of the instants (ms) at which the day's entries happened.</summary>
    public long EnteredAtMs { get; set; }

    /// <summary>The sum of the instants (ms) at which the stays that ended on the day had begun.</summary>
    public long LeftEnteredAtMs { get; set; }

    /// <summary>The sum of the lengths (ms) of the stays that ended on the day.</summary>
    public long LeftStayMs { get; set; }

    // The three longest stays that ended on the day, longest first: the dashboard's slowest stays
    // are the longest among all days' three, which is exact because no day holds more than three of them.
    public long Slow1Ms { get; set; } = NoStay;
    public int Slow1CaseId { get; set; }
    public long Slow2Ms { get; set; } = NoStay;
    public int Slow2CaseId { get; set; }
    public long Slow3Ms { get; set; } = NoStay;
    public int Slow3CaseId { get; set; }

    /// <summary>The day a change at <paramref name="at"/> (UTC) is counted in.</summary>
    public static DateOnly DayOf(DateTime at) => DateOnly.FromDateTime(at.AddTicks(-1));

    /// <summary>An instant as whole milliseconds since <see cref="Epoch"/>.</summary>
    public static long Ms(DateTime at) => (at.Ticks - Epoch.Ticks) / TimeSpan.TicksPerMillisecond;

    /// <summary>A length in milliseconds as days.</summary>
    public static double Days(long ms) => ms / (double)TimeSpan.MillisecondsPerDay;

    /// <summary>Counts an entry into the stage at <paramref name="atMs"/>.</summary>
    public void Enter(long atMs)
    {
        Entered++;
        EnteredAtMs += atMs;
    }

    /// <summary>
    /// Counts the end of a stay that began at <paramref name="enteredMs"/> and ended at
    /// <paramref name="atMs"/>; the stay is offered to the slow slots (<see cref="Offer"/>).
    /// </summary>
    public void Leave(int caseId, long enteredMs, long atMs)
    {
        var stay = atMs - enteredMs;
        Left++;
        LeftEnteredAtMs += enteredMs;
        LeftStayMs += stay;
        Offer(stay, caseId);
    }

    /// <summary>
    /// Adds another row of the same day and stage: its counts and sums, and its slow stays offered to
    /// this row's slots. The slots hold the three longest of both, exactly: each side's three are the
    /// longest of its own stays. The fold of appended rows (<see cref="StageDayFold"/>) uses it.
    /// </summary>
    public void Merge(StageDay other)
    {
        Entered += other.Entered;
        Left += other.Left;
        EnteredAtMs += other.EnteredAtMs;
        LeftEnteredAtMs += other.LeftEnteredAtMs;
        LeftStayMs += other.LeftStayMs;
        foreach (var (ms, caseId) in other.SlowStays().ToList())
        {
            Offer(ms, caseId);
        }
    }

    /// <summary>
    /// A stay joins the slow slots when it beats the one it displaces: longer, or as long and of a
    /// lower case id. That order is total, so the slots do not depend on the order the stays arrive
    /// in (concurrent moves commit in any order, the fold merges appended rows in any order, the
    /// rebuild reads the events in id order).
    /// </summary>
    private void Offer(long stay, int caseId)
    {
        if (Beats(stay, caseId, Slow1Ms, Slow1CaseId))
        {
            (Slow3Ms, Slow3CaseId, Slow2Ms, Slow2CaseId) = (Slow2Ms, Slow2CaseId, Slow1Ms, Slow1CaseId);
            (Slow1Ms, Slow1CaseId) = (stay, caseId);
        }
        else if (Beats(stay, caseId, Slow2Ms, Slow2CaseId))
        {
            (Slow3Ms, Slow3CaseId) = (Slow2Ms, Slow2CaseId);
            (Slow2Ms, Slow2CaseId) = (stay, caseId);
        }
        else if (Beats(stay, caseId, Slow3Ms, Slow3CaseId))
        {
            (Slow3Ms, Slow3CaseId) = (stay, caseId);
        }
    }

    private static bool Beats(long ms, int caseId, long slotMs, int slotCaseId) =>
        ms > slotMs || (ms == slotMs && caseId < slotCaseId);

    /// <summary>The day's slow stays, longest first (up to three).</summary>
    public IEnumerable<(long Ms, int CaseId)> SlowStays()
    {
        if (Slow1Ms > NoStay)
        {
            yield return (Slow1Ms, Slow1CaseId);
        }

        if (Slow2Ms > NoStay)
        {
            yield return (Slow2Ms, Slow2CaseId);
        }

        if (Slow3Ms > NoStay)
        {
            yield return (Slow3Ms, Slow3CaseId);
        }
    }
}
