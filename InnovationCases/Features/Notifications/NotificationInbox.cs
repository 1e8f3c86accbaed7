using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// The in-app side of the outbox (Mine sager, Mine vurderinger): the signed-in user's own rows,
/// whatever their e-mail choice, newest first, with a read mark per row. Only the recipient reads or
/// marks a row; a row about a case the user can no longer see is left out. Digest messages are the
/// e-mail of rows already listed, so they are not listed again.
/// </summary>
public sealed class NotificationInbox(IDbContextFactory<AppDbContext> dbFactory, DbWriter writer, TimeProvider clock)
{
    public const int PageSize = 10;

    public async Task<NotificationPage> PageAsync(Actor actor, int pageIndex = 0, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = Mine(db, actor);
        var total = await mine.CountAsync(ct);
        var unread = await mine.CountAsync(m => m.ReadAt == null, ct);
        var index = Math.Clamp(pageIndex, 0, Math.Max(0, (total - 1) / PageSize));
        var items = await mine.OrderByDescending(m => m.Id).Skip(index * PageSize).Take(PageSize)
            .Select(m => new InAppNotification(m.Id, m.Kind, m.CaseNumber, m.Body!.Subject, m.Body.Detail, m.Body.LinkPath, m.CreatedAt, m.ReadAt == null))
            .ToListAsync(ct);
        return new NotificationPage(items, total, unread, index, PageSize);
    }

    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Mine(db, actor).CountAsync(m => m.ReadAt == null, ct);
    }

    /// <summary>Marks one of the actor's notifications read, or all of them when <paramref name="id"/> is null; returns how many changed.</summary>
    public Task<int> MarkReadAsync(Actor actor, long? id = null, CancellationToken ct = default) => writer.WriteAsync(DbFiles.Notifications, async db =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = db.Outbox.Where(m => m.RecipientUserId == actor.UserId && m.ReadAt == null);
        if (id is { } one)
        {
            rows = rows.Where(m => m.Id == one);
        }

        return await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), ct);
    }, ct);

    private static IQueryable<OutboxMessage> Mine(AppDbContext db, Actor actor)
    {
        var visible = db.Cases.VisibleTo(actor);
        return db.Outbox.AsNoTracking()
            .Where(m => m.RecipientUserId == actor.UserId && m.Kind != NotificationKind.Digest)
            .Where(m => m.CaseId == null || visible.Any(c => c.Id == m.CaseId));
    }
}
