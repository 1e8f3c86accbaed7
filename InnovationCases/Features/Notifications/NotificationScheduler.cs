using System.Globalization;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Delivery;
using InnovationCases.Features.Board;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// The daily work, for one Danish day: reminders first (the caseworkers' stale cases, then
/// <see cref="CaseReminders"/>: due assessments, due reports and milestones, fail-fast flags), then each user's digest of what waited for it. Every row it creates has
/// a key (recipient, kind, case, day) under a unique index, so running twice, restarting or running
/// on several instances creates each reminder and digest once.
/// </summary>
public sealed class NotificationScheduler(
    DbWriter writer,
    IOptions<BoardOptions> board,
    IOptions<NotificationOptions> options,
    IOptions<DeliveryOptions> delivery,
    TimeProvider clock)
{
    private const int Attempts = 3;

    /// <summary>
    /// Runs the day of <paramref name="occurrenceUtc"/> (the schedule's time that fell due); returns the
    /// rows created. Another instance running the same day at the same moment makes one of the two
    /// collide on a key: that run is rolled back whole and run again, and then finds the other's rows.
    /// </summary>
    public async Task<int> RunAsync(DateTime occurrenceUtc, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(DanishTime.Today(occurrenceUtc), ct);
            }
            catch (Exception e) when (attempt < Attempts && DbErrors.IsUniqueViolation(e))
            {
                // Not continued inside the transaction: on PostgreSQL the violation has aborted it.
            }
        }
    }

    private Task<int> RunOnceAsync(DateOnly day, CancellationToken ct)
    {
        return writer.WriteAsync(DbFiles.Notifications, async db =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var created = await StaleCasesAsync(db, day, now, ct);
            created += await CaseReminders.AssessmentsDueAsync(db, day, now, options.Value.PublicBaseUrl, ct);
            created += await CaseReminders.DeliveryAsync(db, day, now, options.Value.PublicBaseUrl, delivery.Value, ct);
            created += await DigestsAsync(db, day, now, ct);
            return created;
        }, ct);
    }

    private async Task<int> StaleCasesAsync(AppDbContext db, DateOnly day, DateTime now, CancellationToken ct)
    {
        var stale = new List<string>();
        var open = await db.Cases.AsNoTracking().Where(c => c.Stage != Stage.Evaluated && c.Stage != Stage.Rejected && c.Stage != Stage.Withdrawn && c.Stage != Stage.Stopped)
            .Select(c => new { c.CaseNumber, c.Title, c.Stage, c.StageChangedAt }).OrderBy(c => c.StageChangedAt).ToListAsync(ct);
        foreach (var c in open)
        {
            var days = (int)(now - c.StageChangedAt).TotalDays;
            if (board.Value.LimitDaysFor(c.Stage) is { } limit && days > limit)
            {
                stale.Add(string.Format(CultureInfo.CurrentCulture, NotificationText.Stale_Item, c.CaseNumber, MailComposer.OneLine(c.Title), c.Stage.Label(), days, limit));
            }
        }

        if (stale.Count == 0)
        {
            return 0;
        }

        var content = MailComposer.ForList(string.Format(CultureInfo.CurrentCulture, NotificationText.Stale_Subject, stale.Count),
            NotificationText.Stale_Intro, stale, options.Value.PublicBaseUrl, "board");
        var body = NotificationBody.From(content);
        var created = 0;
        foreach (var u in await RecipientsAsync(db, Role.Caseworker, NotificationKind.StaleCases, ct))
        {
            var key = OutboxMessage.ReminderKey(u.Id, NotificationKind.StaleCases, null, day);
            if (await db.Outbox.AnyAsync(m => m.Key == key, ct))
            {
                continue;
            }

            db.Outbox.Add(Outbox.Row(u.Id, u.Email, NotificationKind.StaleCases, null, body, now, u.Delivery, key));
            created++;
        }

        await db.SaveChangesAsync(ct);
        return created;
    }

    private async Task<int> DigestsAsync(AppDbContext db, DateOnly day, DateTime now, CancellationToken ct)
    {
        var waiting = await db.Outbox.Include(m => m.Body).Where(m => m.Status == OutboxStatus.AwaitingDigest).OrderBy(m => m.Id).ToListAsync(ct);
        var created = 0;
        foreach (var group in waiting.GroupBy(m => m.RecipientUserId))
        {
            var key = OutboxMessage.ReminderKey(group.Key, NotificationKind.Digest, null, day);
            if (await db.Outbox.AnyAsync(m => m.Key == key, ct))
            {
                // Today's digest went out already: what came after waits for tomorrow's.
                continue;
            }

            var rows = group.ToList();
            var content = MailComposer.Digest(day, rows.Select(r => r.Body!.DigestLine).ToList(), options.Value.PublicBaseUrl);
            var digest = Outbox.Row(group.Key, rows[^1].RecipientEmail, NotificationKind.Digest, null, NotificationBody.From(content), now, NotificationDelivery.Immediately, key);
            db.Outbox.Add(digest);
            await db.SaveChangesAsync(ct);
            foreach (var r in rows)
            {
                r.Status = OutboxStatus.Digested;
                r.DigestId = digest.Id;
            }

            created++;
        }

        await db.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>Everyone of the role, with their choice; "fra" still gets the in-app row (<see cref="Outbox.StatusFor"/>).</summary>
    private static async Task<List<(string Id, string? Email, NotificationDelivery Delivery)>> RecipientsAsync(AppDbContext db, Role role, NotificationKind kind, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Role == role)
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.Kind == kind && ids.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, p => p.Delivery, ct);
        return users.Select(u => (u.Id, u.Email, NotificationDefaults.Resolve(role, kind, chosen.TryGetValue(u.Id, out var d) ? d : null))).ToList();
    }
}
