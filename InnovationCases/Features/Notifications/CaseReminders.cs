using System.Globalization;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Assignments;
using InnovationCases.Domain.Delivery;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// The scheduler's reminders about one case each (issues 12 and 13): an assessment or advice due in
/// <see cref="AssessmentSoonDays"/> days or overdue (to the assigned person), an effect report or
/// milestone due in <see cref="DeliverySoonDays"/> days or overdue, and the fail-fast flag (to the
/// lead department's staff). Each reminder has a key naming its mark (the day "soon" or "overdue"
/// began, the report's year, the milestone, the flag's reasons), so it is made once however often
/// the scheduler runs and a missed day is caught up the next.
/// </summary>
public static class CaseReminders
{
    public const int AssessmentSoonDays = 3;
    public const int DeliverySoonDays = 30;

    public static async Task<int> AssessmentsDueAsync(AppDbContext db, DateOnly day, DateTime now, string baseUrl, CancellationToken ct)
    {
        var horizon = day.AddDays(AssessmentSoonDays);
        var open = await db.CaseAssignments.AsNoTracking()
            .Where(a => a.DoneAt == null && a.ConflictDeclaredAt == null && a.DueDate <= horizon)
            .Select(a => new { a.Case!.Stage, a.Id, a.UserId, a.Kind, a.DueDate, a.CaseId, a.Case!.CaseNumber, a.Case.Title })
            .ToListAsync(ct);
        var created = 0;
        foreach (var a in open.Where(a => a.Stage.IsActive()))
        {
            var overdue = a.DueDate < day;
            var what = string.Format(CultureInfo.CurrentCulture, overdue ? NotificationText.AssessmentDue_Overdue : NotificationText.AssessmentDue_Soon,
                a.Kind.Label(), DanishTime.FormatDate(a.DueDate));
            var mark = overdue ? a.DueDate.AddDays(1) : a.DueDate.AddDays(-AssessmentSoonDays);
            foreach (var u in await ReminderRecipients.WhoAsync(db, x => x.Id == a.UserId, NotificationKind.AssessmentDue, ct))
            {
                created += Add(db, u, NotificationKind.AssessmentDue, a.CaseId, a.CaseNumber, a.Title, what, mark, $"a{a.Id}", now, baseUrl);
            }
        }

        await db.SaveChangesAsync(ct);
        return created;
    }

    public static async Task<int> DeliveryAsync(AppDbContext db, DateOnly day, DateTime now, string baseUrl, DeliveryOptions o, CancellationToken ct)
    {
        var horizon = day.AddDays(DeliverySoonDays);
        var cases = await db.Cases.AsNoTracking().Where(c => c.Stage == Stage.Granted || c.Stage == Stage.Implemented)
            .Select(c => new
            {
                c.Id, c.CaseNumber, c.Title, c.Stage, c.LeadDepartmentId, c.GrantedAt, c.StageChangedAt, Granted = c.GrantedAmount ?? 0,
                Paid = c.Payments.Sum(p => (long?)p.Amount) ?? 0,
                Weight = c.Milestones.Sum(m => (long?)m.Weight) ?? 0,
                Done = c.Milestones.Where(m => m.DoneDate != null).Sum(m => (long?)m.Weight) ?? 0,
                OpenDue = c.Milestones.Where(m => m.DoneDate == null).Min(m => (DateOnly?)m.DueDate),
                LastMeasurement = c.Indicators.SelectMany(i => i.Measurements).Max(m => (DateOnly?)m.Date),
                Reported = c.EffectReports.Select(r => r.Year).ToList(),
                Milestones = c.Milestones.Where(m => m.DoneDate == null && m.DueDate <= horizon).Select(m => new { m.Id, m.Name, m.DueDate }).ToList(),
            })
            .ToListAsync(ct);
        var created = 0;
        foreach (var c in cases)
        {
            var facts = new DeliveryFacts(c.Stage, DeliveryMath.GrantDay(c.GrantedAt, c.StageChangedAt), c.Granted, c.Paid, c.Weight, c.Done, c.OpenDue, c.LastMeasurement);
            var due = new List<(NotificationKind Kind, string What, DateOnly Mark, string Item)>();
            foreach (var r in ReportDue.For(c.Stage, facts.GrantedOn.Year, c.Reported, day, o).Where(r => r.DueDate.AddDays(-DeliverySoonDays) <= day))
            {
                var text = r.IsOverdue ? NotificationText.DeliveryDue_ReportOverdue : NotificationText.DeliveryDue_ReportSoon;
                due.Add((NotificationKind.DeliveryDue, Format(text, r.Year.ToString(CultureInfo.InvariantCulture), r.DueDate),
                    r.IsOverdue ? r.DueDate.AddDays(1) : r.DueDate.AddDays(-DeliverySoonDays), $"r{r.Year}"));
            }

            foreach (var m in c.Milestones)
            {
                var overdue = m.DueDate < day;
                due.Add((NotificationKind.DeliveryDue, Format(overdue ? NotificationText.DeliveryDue_MilestoneOverdue : NotificationText.DeliveryDue_MilestoneSoon, MailComposer.OneLine(m.Name), m.DueDate),
                    overdue ? m.DueDate.AddDays(1) : m.DueDate.AddDays(-DeliverySoonDays), $"m{m.Id}"));
            }

            // Once per set of reasons: a flag raised again for a new reason tells again, the same flag every day does not.
            var signals = DeliverySignals.For(facts, day, o);
            if (signals.Count > 0)
            {
                due.Add((NotificationKind.FailFastFlag, string.Format(CultureInfo.CurrentCulture, NotificationText.FailFast_What, string.Join(" ", signals.Select(s => s.Describe()))),
                    facts.GrantedOn, "f" + string.Join("-", signals.Select(s => s.Kind).Order())));
            }

            if (due.Count == 0)
            {
                continue;
            }

            foreach (var kind in due.Select(d => d.Kind).Distinct())
            {
                foreach (var u in await ReminderRecipients.WhoAsync(db, x => x.Role == Role.DepartmentStaff && x.DepartmentId == c.LeadDepartmentId, kind, ct))
                {
                    foreach (var d in due.Where(d => d.Kind == kind))
                    {
                        created += Add(db, u, kind, c.Id, c.CaseNumber, c.Title, d.What, d.Mark, d.Item, now, baseUrl);
                    }
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return created;
    }

    private static string Format(string text, string what, DateOnly date) =>
        string.Format(CultureInfo.CurrentCulture, text, what, DanishTime.FormatDate(date));

    private static int Add(AppDbContext db, ReminderRecipients.Recipient u, NotificationKind kind, int caseId, string caseNumber, string title, string what,
        DateOnly mark, string item, DateTime now, string baseUrl)
    {
        var key = OutboxMessage.ReminderKey(u.Id, kind, caseId, mark) + "|" + item;
        if (db.Outbox.Local.Any(m => m.Key == key) || db.Outbox.Any(m => m.Key == key))
        {
            return 0;
        }

        var body = NotificationBody.From(MailComposer.ForCase(caseNumber, title, what, baseUrl));
        db.Outbox.Add(Outbox.Row(u.Id, u.Email, kind, caseId, caseNumber, body, now, u.Delivery, key));
        return 1;
    }
}
