using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Admin;

/// <summary>
/// The admin audit log. Entries are added to the command's own context, so they are saved in the
/// same transaction as the change they describe, or not at all.
/// </summary>
public sealed class AdminAudit(AdminGuard guard, TimeProvider clock)
{
    /// <summary>The actor id of changes made without a signed-in person (bootstrap, single sign-on).</summary>
    public const string SystemActorId = "system";

    /// <summary>Records a change made by a signed-in administrator.</summary>
    public void Record(AppDbContext db, Actor actor, string entity, string key, string change) =>
        Add(db, clock.GetUtcNow().UtcDateTime, actor, entity, key, change);

    /// <summary>Records a change made by the system on behalf of <paramref name="source"/>.</summary>
    public void RecordSystem(AppDbContext db, string source, string entity, string key, string change) =>
        Add(db, clock.GetUtcNow().UtcDateTime, new Actor(SystemActorId, source, Role.Admin, null), entity, key, change);

    /// <summary>The newest audit entries first.</summary>
    public async Task<IReadOnlyList<AdminAuditEntry>> GetAsync(Actor actor, int take = 500, CancellationToken ct = default)
    {
        await using var db = await guard.OpenReadAsync(actor, ct);
        return await db.AdminAudit.AsNoTracking().OrderByDescending(a => a.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>A department as the audit texts name it: "?" when it is gone, <see cref="AdminText.None"/> when there is none.</summary>
    internal static async Task<string> DepartmentNameAsync(AppDbContext db, int? id, CancellationToken ct) =>
        id is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).SingleOrDefaultAsync(ct) ?? "?" : AdminText.None;

    /// <summary>
    /// Adds one entry to <paramref name="db"/>, saved with the change it describes: the one way an
    /// audit entry is written, for the admin services and for features that audit admin work
    /// (personal data) inside their own transaction.
    /// </summary>
    public static void Add(AppDbContext db, DateTime at, Actor actor, string entity, string key, string change) =>
        db.AdminAudit.Add(new AdminAuditEntry
        {
            At = at,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Entity = entity,
            EntityKey = key,
            Change = change,
        });
}
