using System.Linq.Expressions;
using InnovationCases.Data;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// Who gets a reminder of a kind: the chosen users, active, of a role that receives it. Those who
/// turned the kind off, or have no e-mail address, still get the in-app row (<see cref="Outbox.StatusFor"/>).
/// </summary>
public static class ReminderRecipients
{
    public sealed record Recipient(string Id, string? Email, NotificationDelivery Delivery);

    public static async Task<List<Recipient>> WhoAsync(AppDbContext db, Expression<Func<AppUser, bool>> who, NotificationKind kind, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(who).Where(u => u.IsActive)
            .Select(u => new { u.Id, u.Email, u.Role }).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.Kind == kind && ids.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, p => p.Delivery, ct);
        return users.Where(u => NotificationDefaults.DefaultFor(u.Role, kind) is not null)
            .Select(u => new Recipient(u.Id, string.IsNullOrWhiteSpace(u.Email) ? null : u.Email, NotificationDefaults.Resolve(u.Role, kind, chosen.TryGetValue(u.Id, out var d) ? d : null)))
            .ToList();
    }
}
