using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Notifications;

/// <summary>A user's own choices per kind (<c>/settings/notifications</c>); kinds their role never receives are refused here.</summary>
public sealed class NotificationSettingsService(IDbContextFactory<AppDbContext> dbFactory, DbWriter writer)
{
    /// <summary>Each kind the actor's role can receive, with the actor's choice or the role's default.</summary>
    public async Task<IReadOnlyList<NotificationChoice>> GetAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == actor.UserId)
            .ToDictionaryAsync(p => p.Kind, p => p.Delivery, ct);
        return NotificationDefaults.KindsFor(actor.Role)
            .Select(k => new NotificationChoice(k, NotificationDefaults.Resolve(actor.Role, k, chosen.TryGetValue(k, out var d) ? d : null)))
            .ToList();
    }

    /// <summary>Stores the actor's choices; null when stored, else the Danish refusal.</summary>
    public Task<string?> SaveAsync(Actor actor, IReadOnlyList<NotificationChoice> choices, CancellationToken ct = default)
    {
        var allowed = NotificationDefaults.KindsFor(actor.Role);
        if (choices.Any(c => !allowed.Contains(c.Kind) || !Enum.IsDefined(c.Delivery)))
        {
            return Task.FromResult<string?>(NotificationText.Settings_NotYours);
        }

        return writer.WriteAsync<string?>(async db =>
        {
            if (!await db.Users.AnyAsync(u => u.Id == actor.UserId && u.IsActive, ct))
            {
                return NotificationText.Settings_NotYours;
            }

            var existing = await db.NotificationPreferences.Where(p => p.UserId == actor.UserId).ToDictionaryAsync(p => p.Kind, ct);
            foreach (var c in choices)
            {
                if (existing.TryGetValue(c.Kind, out var row))
                {
                    row.Delivery = c.Delivery;
                }
                else
                {
                    db.NotificationPreferences.Add(new NotificationPreference { UserId = actor.UserId, Kind = c.Kind, Delivery = c.Delivery });
                }
            }

            await db.SaveChangesAsync(ct);
            return null;
        }, ct);
    }
}
