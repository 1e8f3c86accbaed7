using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Live;
using InnovationCases.Features.Notes;
using InnovationCases.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// Expands the <see cref="PendingFanOut"/> rows changes wrote into notifications, after their commit
/// (<see cref="NotificationFanOutJob"/> runs it): event → kinds (<see cref="NotificationRules"/>) →
/// recipients (audience, active, may see the case, role receives the kind, not the actor) → one text
/// per event and kind and one small <see cref="OutboxMessage"/> row per recipient, mailed at once,
/// kept for the daily digest or in-app only ("fra") by the recipient's choice.
/// <para>
/// A pass reads and plans a batch without a writer, writes the texts and rows (<see cref="OutboxBatch"/>)
/// in one short transaction of the notifications' file, and deletes the batch's pending rows in
/// another of the cases' file. A pass that fails or dies before the delete leaves its rows pending for
/// the next one, which writes nothing twice: a text's id is its event and kind, and (text, recipient) is
/// unique, so a repeated or concurrent pass (another instance) skips what is stored. The rows carry
/// no <see cref="OutboxMessage.Key"/> of their own (one index entry less per row).
/// </para>
/// <para>
/// Recipients, their choices, the case's title, departments and assignments are read at the pass,
/// normally well within a second of the change: someone who joined the department in between is
/// told, someone who left is not. Per pass the candidates are read once for all its events, and
/// each text is composed once per event and kind.
/// </para>
/// </summary>
public sealed class NotificationFanOut(DbWriter writer, IDbContextFactory<AppDbContext> dbFactory, IOptions<NotificationOptions> options,
    TimeProvider clock, ILogger<NotificationFanOut> logger) : IDisposable
{
    private readonly Subscribers<NotificationsWritten> _subscribers = new(logger, "notification");

    // The pass's CPU runs below the requests' priority (NotificationOptions.FanOutNice): a change's
    // notifications can wait a moment for a busy core, the next change should not.
    private readonly BackgroundThread _thread = new("notification fan-out", options.Value.FanOutNice);

    public void Dispose() => _thread.Dispose();

    /// <summary>Told after every run, with the users it wrote rows for (open in-app lists reload).</summary>
    public IDisposable Subscribe(Func<NotificationsWritten, Task> handler) => _subscribers.Add(handler);

    /// <summary>Runs passes until what was pending at the start is expanded; returns how many events were.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var total = 0;
        var recipients = new HashSet<string>();
        while (true)
        {
            var (read, done, written) = await PassAsync(ct);
            total += done;
            recipients.UnionWith(written);

            // A full batch leaves more behind, and a pass whose rows another instance finished first goes on
            // with the rest; otherwise what came in meanwhile waits for its own wake-up, so that the
            // passes of a busy moment stay large (one writer turn each) instead of one per change.
            if (read < options.Value.FanOutBatchSize && done == read)
            {
                break;
            }
        }

        // Told also when nothing was written here: another instance may have done the work, and it is committed now.
        var told = new NotificationsWritten(recipients, started);
        foreach (var handler in _subscribers.Current)
        {
            _ = _subscribers.InvokeAsync(handler, told);
        }

        return total;
    }

    /// <summary>
    /// One pass: reads and plans the next batch without a writer, writes its texts and rows in the
    /// notifications' file (the moves meanwhile hold the cases' file, <see cref="NotificationsFile"/>),
    /// then deletes the batch's pending rows in the cases' file. The two are separate transactions in
    /// separate files, so the pass is made safe to repeat instead: a text's id is its event and kind and
    /// (text, recipient) is unique, so what a pass that ran before (and died before its delete), or
    /// another instance's beside it, already stored is skipped.
    /// </summary>
    private async Task<(int Read, int Done, IReadOnlySet<string> Recipients)> PassAsync(CancellationToken ct)
    {
        // Reading and planning, and below the notifications' transaction, are the pass's CPU: on the lowered
        // thread. On SQLite they complete without waiting, so blocking there on EF's async calls costs nothing.
        var (ids, bodies, rows) = await _thread.RunAsync(() => ReadAndPlanAsync(ct).GetAwaiter().GetResult());
        if (ids.Count == 0)
        {
            return (0, 0, new HashSet<string>());
        }

        if (rows.Count > 0)
        {
            // The whole transaction, its commit (the log's pages) too, on the lowered thread; only the
            // fan-out, the dispatcher, the scheduler and read marks wait for this file's gate, never a move.
            await writer.WriteAsync(DbFiles.Notifications, _thread, async db =>
            {
                await OutboxBatch.InsertAsync(db, bodies, rows, ct);
                return rows.Count;
            }, ct);
        }

        // The pending rows' delete waits for the moves' gate: at the requests' priority, so that a move
        // never waits for a lowered thread that holds it.
        var done = await writer.WriteAsync(db => db.PendingFanOuts.Where(f => EF.Parameter(ids).Contains(f.CaseEventId)).ExecuteDeleteAsync(ct), ct);
        return (ids.Count, done, rows.Select(r => r.RecipientUserId).ToHashSet());
    }

    private async Task<(List<long> Ids, List<NotificationBody> Bodies, List<OutboxMessage> Rows)> ReadAndPlanAsync(CancellationToken ct)
    {
        await using var read = await dbFactory.CreateDbContextAsync(ct);
        var ids = await read.PendingFanOuts.OrderBy(f => f.CaseEventId).Take(Math.Max(1, options.Value.FanOutBatchSize))
            .Select(f => f.CaseEventId).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return (ids, [], []);
        }

        // A pass's lists (hundreds of ids) go as one array parameter (EF.Parameter): with EF's default of a
        // parameter per item, the SQL differs with every count, and EF generated it anew for nearly every pass.
        var events = await read.CaseEvents.AsNoTracking().Where(e => EF.Parameter(ids).Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(ct);
        var (bodies, rows) = await PlanAsync(read, events, clock.GetUtcNow().UtcDateTime, ct);
        return (ids, bodies, rows);
    }

    private async Task<(List<NotificationBody> Bodies, List<OutboxMessage> Rows)> PlanAsync(AppDbContext db, List<CaseEvent> events, DateTime now, CancellationToken ct)
    {
        var bodies = new List<NotificationBody>();
        var rows = new List<OutboxMessage>();
        var caseIds = events.Select(e => e.CaseId).Distinct().ToList();
        // Only what the rules, the texts and the audiences use (not the business case's texts): a pass reads
        // hundreds of cases while the moves run, and what it allocates is collected on their threads too.
        var cases = await db.Cases.AsNoTracking().Where(c => EF.Parameter(caseIds).Contains(c.Id))
            .Select(c => new Facts(c.Id, c.CaseNumber, c.Title, c.CreatedByUserId, c.Pool == null ? default : c.Pool.Kind,
                c.RecommendedAmount ?? c.RequestedAmount, c.PeriodStart, c.PeriodEnd, c.LeadDepartmentId,
                c.PartnerDepartments.Select(p => p.DepartmentId).ToList(), c.Assignments.Select(a => a.UserId).ToList()))
            .AsSplitQuery().ToDictionaryAsync(c => c.Id, ct);

        var planned = new List<(CaseEvent Event, Facts Case, CaseParties Parties, List<(NotificationKind Kind, Audience Audience)> Kinds)>();
        foreach (var ev in events)
        {
            // A case gone since (or hidden from every reader) tells nobody.
            if (!cases.TryGetValue(ev.CaseId, out var c))
            {
                continue;
            }

            var kinds = NotificationRules.For(ev, c.Pool, c.Amount, BusinessCase.IsMultiYear(c.PeriodStart, c.PeriodEnd)).ToList();
            if (kinds.Count > 0)
            {
                planned.Add((ev, c, new CaseParties(c.LeadDepartmentId, c.PartnerDepartmentIds, c.AssignedUserIds), kinds));
            }
        }

        if (planned.Count == 0)
        {
            return (bodies, rows);
        }

        var users = await RecipientsAsync(db, planned.SelectMany(p => p.Parties.PartnerDepartmentIds.Append(p.Parties.LeadDepartmentId)).Distinct().ToList(),
            planned.SelectMany(p => p.Kinds.Select(k => k.Kind)).Distinct().ToList(), ct);
        foreach (var (ev, c, parties, kinds) in planned)
        {
            var mentioned = NoteEventData.MentionsIn(ev);
            var assigned = AssignedUserOf(ev);
            var told = new HashSet<(string, NotificationKind)>();
            foreach (var (kind, audience) in kinds)
            {
                NotificationBody? body = null;
                foreach (var u in users.Where(u => u.Actor.UserId != ev.ActorUserId && InAudience(u.Actor, audience, c, parties, mentioned, assigned) && u.Actor.CanSee(parties)))
                {
                    // Two audiences of one kind (the case's departments, its registrar) tell a person once.
                    if (NotificationDefaults.DefaultFor(u.Actor.Role, kind) is null || !told.Add((u.Actor.UserId, kind)))
                    {
                        continue;
                    }

                    // "fra" still makes the in-app notification; only the e-mail is left out (Outbox.StatusFor).
                    var delivery = NotificationDefaults.Resolve(u.Actor.Role, kind, u.Choices.GetValueOrDefault(kind));

                    // One text for every recipient of the kind: what it shows is what each of them may see.
                    if (body is null)
                    {
                        body = NotificationBody.From(MailComposer.ForChange(kind, c.CaseNumber, c.Title, ev, options.Value.PublicBaseUrl), NotificationBody.IdOf(ev.Id, kind));
                        bodies.Add(body);
                    }

                    var row = Outbox.Row(u.Actor.UserId, u.Email, kind, c.Id, c.CaseNumber, body, now, delivery);
                    row.CreatedAt = ev.At;
                    row.Body = null;
                    rows.Add(row);
                }
            }
        }

        return (bodies, rows);
    }

    private static bool InAudience(Actor a, Audience audience, Facts c, CaseParties parties, IReadOnlyList<string> mentioned, string? assignedUserId) => audience switch
    {
        Audience.CaseRegistrar => a.UserId == c.CreatedByUserId && a.Role == Role.Caseworker,
        Audience.MentionedUsers => mentioned.Contains(a.UserId) && a.MayReadNotes(),
        Audience.AssignedUser => assignedUserId is not null && a.UserId == assignedUserId,
        Audience.CaseDepartments => a.Role == Role.DepartmentStaff && a.DepartmentId is { } d && parties.Involves(d),
        Audience.Caseworkers => a.Role == Role.Caseworker,
        _ => false,
    };

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
    /// Those who could receive one of the kinds about one of the pass's cases, with their choices for
    /// those kinds, in one query: active, of a role that receives one of them, and for department
    /// staff one of the cases' departments. Those without an e-mail address are included: they get
    /// the in-app row.
    /// </summary>
    private static async Task<List<Recipient>> RecipientsAsync(AppDbContext db, IReadOnlyList<int> departmentIds, IReadOnlyList<NotificationKind> kinds, CancellationToken ct)
    {
        var roles = Enum.GetValues<Role>().Where(r => kinds.Any(k => NotificationDefaults.DefaultFor(r, k) is not null)).ToList();
        var departments = departmentIds.Cast<int?>().ToList();
        var staff = Role.DepartmentStaff;
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && roles.Contains(u.Role) && (u.Role != staff || EF.Parameter(departments).Contains(u.DepartmentId)))
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.Role, u.DepartmentId,
                Choices = db.NotificationPreferences.Where(p => p.UserId == u.Id && kinds.Contains(p.Kind)).Select(p => new { p.Kind, p.Delivery }).ToList(),
            })
            .ToListAsync(ct);
        return users.Select(u => new Recipient(new Actor(u.Id, u.DisplayName, u.Role, u.DepartmentId), string.IsNullOrWhiteSpace(u.Email) ? null : u.Email,
            u.Choices.ToDictionary(p => p.Kind, p => (NotificationDelivery?)p.Delivery))).ToList();
    }

    /// <summary>What a pass reads of a case: the amount is the recommended one where there is one, else the requested.</summary>
    private sealed record Facts(int Id, string CaseNumber, string Title, string CreatedByUserId, PoolKind Pool, long Amount, DateOnly PeriodStart,
        DateOnly PeriodEnd, int LeadDepartmentId, List<int> PartnerDepartmentIds, List<string> AssignedUserIds);

    private sealed record Recipient(Actor Actor, string? Email, Dictionary<NotificationKind, NotificationDelivery?> Choices);
}
