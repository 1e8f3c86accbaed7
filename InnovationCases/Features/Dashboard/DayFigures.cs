using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.StageStats;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Dashboard;

/// <summary>
/// The stage figures from the maintained <see cref="StageDay"/> rows (with those not folded yet, <see cref="StageDayReader"/>), for a reader who sees every
/// case: per stage one summed row, the days inside the flow's window, the days' slowest stays, and
/// the three longest-waiting cases of each timed stage from the case index. What it reads grows with
/// the number of days, not with the number of events.
/// </summary>
public static class DayFigures
{
    public static async Task<StageFigures> ComputeAsync(AppDbContext db, IQueryable<InnovationCase> cases,
        IReadOnlyList<DateTime> points, DateTime now, CancellationToken ct, int slowest = 3)
    {
        var first = StageDay.DayOf(points[0]);
        var last = StageDay.DayOf(now);
        var days = StageDayReader.Rows(db).Where(d => d.Day <= last);

        var totals = await days.GroupBy(d => d.Stage).Select(g => new
        {
            Stage = g.Key,
            Before = g.Sum(d => d.Day <= first ? d.Entered - d.Left : 0),
            Entered = g.Sum(d => (long)d.Entered),
            Left = g.Sum(d => (long)d.Left),
            EnteredAtMs = g.Sum(d => d.EnteredAtMs),
            LeftEnteredAtMs = g.Sum(d => d.LeftEnteredAtMs),
            LeftStayMs = g.Sum(d => d.LeftStayMs),
        }).ToListAsync(ct);
        var window = await days.Where(d => d.Day > first)
            .Select(d => new { d.Day, d.Stage, Net = d.Entered - d.Left })
            .ToListAsync(ct);

        var pointDays = points.Select(StageDay.DayOf).ToArray();
        var flow = Enum.GetValues<Stage>().ToDictionary(s => s, _ => new int[points.Count]);
        foreach (var t in totals)
        {
            Array.Fill(flow[t.Stage], t.Before);
        }

        foreach (var d in window)
        {
            for (var p = 0; p < pointDays.Length; p++)
            {
                if (d.Day <= pointDays[p])
                {
                    flow[d.Stage][p] += d.Net;
                }
            }
        }

        var nowMs = StageDay.Ms(now);
        var slow = await SlowestAsync(db, days, cases, now, nowMs, slowest, ct);
        var time = DashboardMath.TimedStages.Select(s =>
        {
            var t = totals.FirstOrDefault(x => x.Stage == s);
            double? mean = null;
            if (t is { Entered: > 0 })
            {
                // Every entry is a stay: ended ones count their length, ongoing ones run until now.
                var ongoing = t.Entered - t.Left;
                var totalMs = t.LeftStayMs + ongoing * nowMs - (t.EnteredAtMs - t.LeftEnteredAtMs);
                mean = StageDay.Days(totalMs) / t.Entered;
            }

            return new StageTime(s, mean, slow.GetValueOrDefault(s) ?? []);
        }).ToList();
        return new StageFigures(flow, time);
    }

    private static async Task<Dictionary<Stage, List<StageStay>>> SlowestAsync(AppDbContext db, IQueryable<StageDay> days,
        IQueryable<InnovationCase> cases, DateTime now, long nowMs, int slowest, CancellationToken ct)
    {
        var timed = DashboardMath.TimedStages.ToList();
        var ended = await days.Where(d => d.Slow1Ms > StageDay.NoStay && timed.Contains(d.Stage)).ToListAsync(ct);
        var endedTop = ended
            .SelectMany(d => d.SlowStays().Select(x => (d.Stage, x.Ms, x.CaseId)))
            .GroupBy(x => x.Stage)
            .SelectMany(g => g.OrderByDescending(x => x.Ms).ThenBy(x => x.CaseId).Take(slowest))
            .ToList();
        var ids = endedTop.Select(x => x.CaseId).Distinct().ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.CaseNumber }).ToDictionaryAsync(c => c.Id, c => c.CaseNumber, ct);
        var candidates = endedTop
            .Select(x => new StageStay(numbers.GetValueOrDefault(x.CaseId, "?"), x.Stage, StageDay.Days(x.Ms), false))
            .ToList();

        // The ongoing stays that have lasted longest: the cases that entered their stage first (index on Stage, StageChangedAt).
        foreach (var stage in timed)
        {
            var waiting = await cases.Where(c => c.Stage == stage && c.StageChangedAt <= now)
                .OrderBy(c => c.StageChangedAt)
                .Select(c => new { c.CaseNumber, c.StageChangedAt })
                .Take(slowest)
                .ToListAsync(ct);
            candidates.AddRange(waiting.Select(w => new StageStay(w.CaseNumber, stage, StageDay.Days(nowMs - StageDay.Ms(w.StageChangedAt)), true)));
        }

        return candidates.GroupBy(c => c.Stage)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Days).Take(slowest).ToList());
    }
}
