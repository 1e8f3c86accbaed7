using InnovationCases.Domain;
using InnovationCases.Domain.Delivery;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data.DemoData;

/// <summary>
/// After the grant, for the demo: every granted, implemented and evaluated demo case gets a
/// believable indicator besides its built-in realised gain, monthly measurements since the grant
/// (up to a year), four milestones (some overdue) and payments. The first two granted cases are
/// made to trip the fail-fast signals, so "Overvej at stoppe" has something to show.
/// </summary>
internal static class DemoDelivery
{
    private static readonly (string Name, string Unit, IndicatorDirection Direction, decimal Baseline, decimal Target)[] Kinds =
    [
        ("Timer brugt på manuel sagsbehandling pr. måned", "timer", IndicatorDirection.LowerIsBetter, 420, 260),
        ("Borgere der bruger den digitale løsning", "%", IndicatorDirection.HigherIsBetter, 12, 60),
        ("Sygefraværsdage pr. medarbejder", "dage", IndicatorDirection.LowerIsBetter, 14, 10),
        ("Tilfredshed blandt brugerne", "point (1-5)", IndicatorDirection.HigherIsBetter, 3.1m, 4.2m),
    ];

    public static async Task AddAsync(AppDbContext db, DateTime now, Actor by, CancellationToken ct)
    {
        var today = DanishTime.Today(now);
        var cases = await db.Cases.Include(c => c.Indicators)
            .Where(c => c.Stage == Stage.Granted || c.Stage == Stage.Implemented || c.Stage == Stage.Evaluated)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var flagged = 0;
        for (var n = 0; n < cases.Count; n++)
        {
            var c = cases[n];
            var grantDay = DeliveryMath.GrantDay(c.GrantedAt, c.StageChangedAt);
            var flag = c.Stage == Stage.Granted && flagged++ < 2;
            var kind = Kinds[n % Kinds.Length];
            var custom = new Indicator
            {
                CaseId = c.Id, Name = kind.Name, Unit = kind.Unit, Direction = kind.Direction,
                Baseline = kind.Baseline, Target = kind.Target, TargetDate = c.PeriodEnd.AddMonths(6), CreatedAt = now,
            };
            c.Indicators.Add(custom);
            var gain = c.Indicators.FirstOrDefault(i => i.IsRealisedGain);
            if (gain is null)
            {
                gain = Indicator.RealisedGain(c, now);
                c.Indicators.Add(gain);
            }

            // A flagged case fell silent seven months ago; the others were measured every month.
            var months = Enumerable.Range(1, 12).Select(grantDay.AddMonths).Where(d => d <= today && (!flag || d <= today.AddMonths(-7))).ToList();
            for (var m = 0; m < months.Count; m++)
            {
                var share = (m + 1m) / 14m;
                custom.Measurements.Add(Measure(months[m], kind.Baseline + (kind.Target - kind.Baseline) * share, by, now));
                if (m % 3 == 2)
                {
                    gain.Measurements.Add(Measure(months[m], Math.Round(c.ExpectedAnnualGain * share / 1000m) * 1000m, by, now));
                }
            }

            AddMilestones(db, c, grantDay, today, flag, n, now);
            AddPayments(db, c, grantDay, today, flag, by, now);
        }
    }

    private static Measurement Measure(DateOnly date, decimal value, Actor by, DateTime now) =>
        new() { Date = date, Value = Math.Round(value, 1), ByUserId = by.UserId, ByName = by.Name, CreatedAt = now };

    private static void AddMilestones(AppDbContext db, InnovationCase c, DateOnly grantDay, DateOnly today, bool flag, int n, DateTime now)
    {
        string[] names = ["Projektplan og baseline", "Pilot i første enhed", "Evaluering af pilot", "Udrulning i hele afdelingen"];
        var span = Math.Max(120, c.PeriodEnd.DayNumber - grantDay.DayNumber);
        for (var i = 0; i < names.Length; i++)
        {
            var due = grantDay.AddDays(span * (i + 1) / names.Length);
            if (flag && i == 1)
            {
                due = today.AddDays(-90);
            }

            // Reached on time up to today, except one in three cases that is late with its second milestone.
            var done = !flag && due <= today && !(n % 3 == 0 && i == 1) ? due.AddDays(-3) : (DateOnly?)null;
            db.Milestones.Add(new Milestone { CaseId = c.Id, Name = names[i], DueDate = due, Weight = i == 3 ? 2 : 1, DoneDate = done, CreatedAt = now });
        }
    }

    private static void AddPayments(AppDbContext db, InnovationCase c, DateOnly grantDay, DateOnly today, bool flag, Actor by, DateTime now)
    {
        var granted = c.GrantedAmount ?? 0;
        var parts = flag ? new[] { 50, 40 } : c.Stage == Stage.Granted ? new[] { 30 } : new[] { 40, 40, 20 };
        for (var i = 0; i < parts.Length; i++)
        {
            var date = grantDay.AddDays(14 + 45 * i);
            db.Payments.Add(new Payment
            {
                CaseId = c.Id, Date = date <= today ? date : today, Amount = granted * parts[i] / 100,
                Note = i == 0 ? "Første rate" : "Rate " + (i + 1), ByUserId = by.UserId, ByName = by.Name, CreatedAt = now,
            });
        }
    }
}
