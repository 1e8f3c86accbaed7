using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Admin;

/// <summary>
/// The one server-side check every admin command and query passes: the actor must be an active
/// administrator now, whatever the UI shows. Commands run in one <see cref="DbWriter"/> transaction.
/// </summary>
public sealed class AdminGuard(IDbContextFactory<AppDbContext> dbFactory, DbWriter writer)
{
    /// <summary>
    /// Runs a command for an administrator: refused before anything is read when the actor is not one.
    /// It writes the cases' file (its audit entry is there), and the notifications' too when <paramref name="files"/> says so.
    /// </summary>
    public Task<AdminResult> WriteAsync(Actor actor, Func<AppDbContext, Task<AdminResult>> work, CancellationToken ct, DbFiles files = DbFiles.Cases) =>
        writer.WriteAsync(files | DbFiles.Cases, async db =>
        {
            if (!await IsActiveAdminAsync(db, actor, ct))
            {
                return AdminResult.Refused(AdminText.NotAdmin);
            }

            return await work(db);
        }, ct);

    /// <summary>A context for an administrator's query; throws <see cref="UnauthorizedAccessException"/> for anyone else.</summary>
    public async Task<AppDbContext> OpenReadAsync(Actor actor, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            if (!await IsActiveAdminAsync(db, actor, ct))
            {
                throw new UnauthorizedAccessException(AdminText.NotAdmin);
            }

            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The actor's claims say Admin, and the database agrees now: a cookie issued before a demotion
    /// or deactivation is not enough.
    /// </summary>
    public static async Task<bool> IsActiveAdminAsync(AppDbContext db, Actor actor, CancellationToken ct) =>
        actor.Role == Role.Admin && await db.Users.AnyAsync(u => u.Id == actor.UserId && u.IsActive && u.Role == Role.Admin, ct);
}
