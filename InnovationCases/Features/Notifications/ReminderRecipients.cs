using System.Linq.Expressions;
using InnovationCases.Data;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Notifications;

/// <summary>Who gets a reminder of a kind: the chosen users, active with an e-mail, of a role that receives it, not turned off.</summary>
public static class ReminderRecipients
{
    public sealed record Recipient(string Id, string Email, NotificationDelivery Delivery);

    public static async Task<List<Recipient>> WhoAsync(AppDbContext db, Expression<Func<AppUser, bool>> who, NotificationKind kind, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(who).Where(u => u.IsActive && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.Role }).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.Kind == kind && ids.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, p => p.Delivery, ct);
        return users.Select(u => new Recipient(u.Id, u.Email!, NotificationDefaults.Resolve(u.Role, kind, chosen.TryGetValue(u.Id, out var d) ? d : null)))
            .Where(u => u.Delivery != NotificationDelivery.Off).ToList();
    }
}
