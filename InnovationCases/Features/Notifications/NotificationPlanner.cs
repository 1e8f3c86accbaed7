using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Features.Notes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// Turns the events a case change recorded into notifications, inside the change's transaction (the
/// pipeline calls it before its save): event → kinds (<see cref="NotificationRules"/>) → recipients
/// (audience, active, may see the case, role receives the kind, not the actor) → one text per kind
/// and one small row per recipient, mailed at once, kept for the daily digest or in-app only ("fra")
/// by the recipient's choice. The texts and rows go in with one statement each
/// (<see cref="OutboxBatch"/>); recipients and their choices come from one query.
/// </summary>
public sealed class NotificationPlanner(IOptions<NotificationOptions> options)
{
    public async Task PlanAsync(CaseChangeScope scope, IReadOnlyList<(InnovationCase Case, CaseEvent Event)> recorded)
    {
        if (!options.Value.Enabled || !recorded.Any(r => NotificationRules.Notifies(r.Event.Kind)))
        {
            return;
        }

        var db = scope.Db;
        var bodies = new List<NotificationBody>();
        var rows = new List<OutboxMessage>();
        foreach (var (c, ev) in recorded.Where(r => NotificationRules.Notifies(r.Event.Kind)))
        {
            var pool = c.Pool?.Kind ?? await db.Pools.Where(p => p.Id == c.PoolId).Select(p => p.Kind).SingleAsync(scope.Ct);
            var planned = NotificationRules.For(ev, c, pool).ToList();
            if (planned.Count == 0)
            {
                continue;
            }

            // Assignments matter only to those who see a case through one (the advisory board): read them only then.
            var throughAssignment = planned.Any(p => p.Audience is Audience.MentionedUsers or Audience.AssignedUser);
            var parties = new CaseParties(c.LeadDepartmentId, await PartnersAsync(db, c, scope.Ct), throughAssignment ? await AssignedAsync(db, c, scope.Ct) : []);
            var mentioned = NoteEventData.MentionsIn(ev);
            var assigned = AssignedUserOf(ev);
            var users = await RecipientsAsync(db, parties, planned.Select(p => p.Kind).ToList(), scope.Ct);
            foreach (var (kind, audience) in planned)
            {
                NotificationBody? body = null;
                foreach (var u in users.Where(u => u.Actor.UserId != ev.ActorUserId && InAudience(u.Actor, audience, c, parties, mentioned, assigned) && u.Actor.CanSee(parties)))
                {
                    if (NotificationDefaults.DefaultFor(u.Actor.Role, kind) is null)
                    {
                        continue;
                    }

                    // "fra" still makes the in-app notification; only the e-mail is left out (Outbox.StatusFor).
                    var delivery = NotificationDefaults.Resolve(u.Actor.Role, kind, u.Choices.GetValueOrDefault(kind));

                    // One text for every recipient of the kind: what it shows is what each of them may see.
                    if (body is null)
                    {
                        body = NotificationBody.From(MailComposer.ForChange(kind, c, ev, options.Value.PublicBaseUrl));
                        bodies.Add(body);
                    }

                    var row = Outbox.Row(u.Actor.UserId, u.Email, kind, c, body, scope.Now, delivery);
                    row.Body = null;
                    rows.Add(row);
                }
            }
        }

        await OutboxBatch.InsertAsync(db, bodies, rows, scope.Ct);
    }

    private static bool InAudience(Actor a, Audience audience, InnovationCase c, CaseParties parties, IReadOnlyList<string> mentioned, string? assignedUserId) => audience switch
    {
        Audience.CaseRegistrar => a.UserId == c.CreatedByUserId && a.Role == Role.Caseworker,
        Audience.MentionedUsers => mentioned.Contains(a.UserId) && a.MayReadNotes(),
        Audience.AssignedUser => assignedUserId is not null && a.UserId == assignedUserId,
        Audience.CaseDepartments => a.Role == Role.DepartmentStaff && a.DepartmentId is { } d && parties.Involves(d),
        Audience.Caseworkers => a.Role == Role.Caseworker,
        _ => false,
    };

    private static async Task<IReadOnlyList<int>> PartnersAsync(AppDbContext db, InnovationCase c, CancellationToken ct)
    {
        // A move reads its case without tracking (Features/Moves/MoveStore) but with its partners: a
        // detached case whose list has rows was loaded with them, so reading them again is wasted.
        var entry = db.Entry(c);
        var loaded = entry.State == EntityState.Detached
            ? c.PartnerDepartments.Count > 0
            : entry.Collection(x => x.PartnerDepartments).IsLoaded;
        if (loaded)
        {
            return c.PartnerDepartments.Select(p => p.DepartmentId).ToList();
        }

        return await db.CasePartnerDepartments.Where(p => p.CaseId == c.Id).Select(p => p.DepartmentId).ToListAsync(ct);
    }

    // An advisory member sees a case through an assignment, so a mention of them needs the assignments known.
    private static async Task<IReadOnlyList<string>> AssignedAsync(AppDbContext db, InnovationCase c, CancellationToken ct)
    {
        var entry = db.Entry(c);
        if (entry.State != EntityState.Detached && entry.Collection(x => x.Assignments).IsLoaded)
        {
            return c.Assignments.Select(a => a.UserId).ToList();
        }

        // The assignment being added in this change is tracked but not saved yet: take both.
        var saved = await db.CaseAssignments.Where(a => a.CaseId == c.Id).Select(a => a.UserId).ToListAsync(ct);
        return saved.Concat(c.Assignments.Select(a => a.UserId)).ToList();
    }

    /// <summary>The person an <see cref="CaseEventKind.AssessorAssigned"/> event names (its payload's <c>UserId</c>).</summary>
    private static string? AssignedUserOf(CaseEvent ev)
    {
        if (ev.Kind != CaseEventKind.AssessorAssigned || ev.DataJson is null)
        {
            return null;
        }

        using var json = System.Text.Json.JsonDocument.Parse(ev.DataJson);
        return json.RootElement.TryGetProperty("UserId", out var id) ? id.GetString() : null;
    }

    /// <summary>
    /// Those who could receive one of the kinds about this case, with their choices for those kinds,
    /// in one query: active, of a role that receives one of them, and for department staff one of
    /// the case's departments. Those without an e-mail address are included: they get the in-app row.
    /// </summary>
    private static async Task<List<Recipient>> RecipientsAsync(AppDbContext db, CaseParties parties, IReadOnlyList<NotificationKind> kinds, CancellationToken ct)
    {
        var roles = Enum.GetValues<Role>().Where(r => kinds.Any(k => NotificationDefaults.DefaultFor(r, k) is not null)).ToList();
        var departments = parties.PartnerDepartmentIds.Append(parties.LeadDepartmentId).Cast<int?>().ToList();
        var staff = Role.DepartmentStaff;
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && roles.Contains(u.Role) && (u.Role != staff || departments.Contains(u.DepartmentId)))
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.Role, u.DepartmentId,
                Choices = db.NotificationPreferences.Where(p => p.UserId == u.Id && kinds.Contains(p.Kind)).Select(p => new { p.Kind, p.Delivery }).ToList(),
            })
            .ToListAsync(ct);
        return users.Select(u => new Recipient(new Actor(u.Id, u.DisplayName, u.Role, u.DepartmentId), string.IsNullOrWhiteSpace(u.Email) ? null : u.Email,
            u.Choices.ToDictionary(p => p.Kind, p => (NotificationDelivery?)p.Delivery))).ToList();
    }

    private sealed record Recipient(Actor Actor, string? Email, Dictionary<NotificationKind, NotificationDelivery?> Choices);
}
