using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Admin;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Notifications;

/// <summary>The admin's view of the outbox (<c>/admin/mail</c>): parked messages, and resending one (audited).</summary>
public sealed class MailAdminService(AdminGuard guard, AdminAudit audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<ParkedMail>> GetParkedAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await guard.OpenReadAsync(actor, ct);
        return await db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Parked).OrderByDescending(m => m.Id).Take(500)
            .Select(m => new ParkedMail(m.Id, m.RecipientEmail ?? "", m.Body!.Subject, m.Attempts, m.LastError, m.CreatedAt)).ToListAsync(ct);
    }

    /// <summary>Sends a parked message again: it goes back in line with its attempts reset.</summary>
    public Task<AdminResult> ResendAsync(Actor actor, long id, CancellationToken ct = default) =>
        guard.WriteAsync(actor, async db =>
        {
            var m = await db.Outbox.Include(x => x.Body).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (m is null || m.Status != OutboxStatus.Parked)
            {
                return AdminResult.Refused(NotificationText.Admin_NotParked);
            }

            m.Status = OutboxStatus.Pending;
            m.Attempts = 0;
            m.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(db, actor, AuditEntity.Mail, id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Format(System.Globalization.CultureInfo.CurrentCulture, NotificationText.Admin_AuditResent, m.RecipientEmail, m.Body!.Subject));
            await db.SaveChangesAsync(ct);
            return AdminResult.Ok;
        }, ct, DbFiles.Both);
}
