using InnovationCases.Domain;

namespace InnovationCases.Features.Dashboard;

/// <summary>
/// The pure arithmetic behind the dashboard: medians, the cumulative flow and the time spent in each
/// stage, computed from small projections so that tests can check them against hand-computed figures.
/// </summary>
public static class DashboardMath
{
    /// <summary>The stages whose time a case spends in them is measured (the working stages).</summary>
    public static readonly IReadOnlyList<Stage> TimedStages =
        [Stage.Submitted, Stage.Screened, Stage.Recommended, Stage.Granted, Stage.Implemented];

    /// <summary>The median, or null for no values: the middle value, or the mean of the two middle ones.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// The sample points of the cumulative flow: the end of each of the eleven months before the
    /// current one, and <paramref name="now"/> for the current month (twelve points).
    /// </summary>
    public static IReadOnlyList<DateTime> FlowPoints(DateTime now)
    {
        var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var points = new List<DateTime>(12);
        for (var i = 11; i >= 1; i--)
        {
            points.Add(monthStart.AddMonths(-i + 1)); // the first instant of the next month = the end of that month
        }

        points.Add(now);
        return points;
    }

    /// <summary>
    /// The cumulative flow: at each point, how many cases stood in each stage, taking a case's stage
    /// at time t from its last event at or before t (cases not yet submitted at t are not counted).
    /// An event exactly at a month's end belongs to that month.
    /// </summary>
    public static IReadOnlyDictionary<Stage, int[]> CumulativeFlow(IEnumerable<StageEvent> events, IReadOnlyList<DateTime> points)
    {
        var result = Enum.GetValues<Stage>().ToDictionary(s => s, _ => new int[points.Count]);
        foreach (var history in events.GroupBy(e => e.CaseId))
        {
            var ordered = history.OrderBy(e => e.At).ToList();
            for (var p = 0; p < points.Count; p++)
            {
                var last = ordered.LastOrDefault(e => e.At <= points[p]);
                if (last is not null)
                {
                    result[last.ToStage][p]++;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Every stay of a case in a timed stage: from the event that put it there to the next event, or to
    /// <paramref name="now"/> when it is still there.
    /// </summary>
    public static IReadOnlyList<StageStay> Stays(IEnumerable<StageEvent> events, DateTime now)
    {
        var stays = new List<StageStay>();
        foreach (var history in events.GroupBy(e => e.CaseId))
        {
            var ordered = history.OrderBy(e => e.At).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var e = ordered[i];
                if (!TimedStages.Contains(e.ToStage))
                {
                    continue;
                }

                var ongoing = i == ordered.Count - 1;
                var end = ongoing ? now : ordered[i + 1].At;
                stays.Add(new StageStay(e.CaseNumber, e.ToStage, (end - e.At).TotalDays, ongoing));
            }
        }

        return stays;
    }

    /// <summary>
    /// Per timed stage: the mean stay in days (ongoing stays counted up to now) and the slowest stays,
    /// longest first. The mean, not the median, because a mean is a sum over a count, which the
    /// maintained <c>StageDay</c> rows can give without reading every stay.
    /// </summary>
    public static IReadOnlyList<StageTime> TimeInStage(IReadOnlyList<StageStay> stays, int slowest = 3) =>
        TimedStages
            .Select(s =>
            {
                var inStage = stays.Where(x => x.Stage == s).ToList();
                return new StageTime(s, inStage.Count == 0 ? null : inStage.Average(x => x.Days),
                    inStage.OrderByDescending(x => x.Days).Take(slowest).ToList());
            })
            .ToList();
}
