using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Notes;

/// <summary>Reads notes for those who may read them; anyone else gets nothing, whatever page asks.</summary>
public sealed class NoteReader(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    private const int MentionLimit = 20;

    /// <summary>The case's notes, threads oldest first; null when the actor may not read notes or see the case.</summary>
    public async Task<IReadOnlyList<NoteRow>?> ForCaseAsync(string caseNumber, Actor actor, CancellationToken ct = default)
    {
        if (!actor.MayReadNotes())
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caseId = await db.Cases.AsNoTracking().VisibleTo(actor).Where(c => c.CaseNumber == caseNumber).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        if (caseId is null)
        {
            return null;
        }

        var notes = await db.CaseNotes.AsNoTracking().Where(n => n.CaseId == caseId).OrderBy(n => n.Id).ToListAsync(ct);
        var ids = notes.SelectMany(n => n.MentionedUserIds).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        NoteRow Row(CaseNote n, IReadOnlyList<NoteRow> replies) => new(
            n.Id, n.AuthorName, n.Body, n.CreatedAt, n.EditedAt,
            n.MentionedUserIds.Select(id => names.GetValueOrDefault(id) ?? "").Where(x => x.Length > 0).ToList(),
            n.AuthorUserId == actor.UserId && n.IsEditableAt(now),
            replies);
        return notes.Where(n => n.ParentId is null)
            .Select(n => Row(n, notes.Where(r => r.ParentId == n.Id).Select(r => Row(r, [])).ToList()))
            .ToList();
    }

    /// <summary>Who may be mentioned on the case: the suggestions of the autocomplete (the service checks again).</summary>
    public async Task<IReadOnlyList<MentionCandidate>> CandidatesAsync(string caseNumber, Actor actor, CancellationToken ct = default)
    {
        if (!actor.MayReadNotes())
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await NoteService.LoadAsync(db, caseNumber, ct);
        if (c is null || !actor.CanSee(c))
        {
            return [];
        }

        var roles = new[] { Role.Caseworker, Role.DirectorGroup, Role.AdvisoryBoard };
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive && roles.Contains(u.Role) && u.Id != actor.UserId).ToListAsync(ct);
        return users.Where(u => NoteService.MayBeMentioned(u.ToActor(), c))
            .OrderBy(u => u.DisplayName).Select(u => new MentionCandidate(u.Id, u.DisplayName)).ToList();
    }

    /// <summary>The latest notes mentioning the actor, on cases they can still see and while they still read notes.</summary>
    public async Task<IReadOnlyList<MyMention>> MentionsAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.MayReadNotes())
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Cases.AsNoTracking().VisibleTo(actor);
        var me = actor.UserId;
        return await db.CaseNotes.AsNoTracking()
            .Where(n => n.MentionedUserIds.Contains(me))
            .Join(visible, n => n.CaseId, c => c.Id, (n, c) => new { n, c.CaseNumber, c.Title })
            .OrderByDescending(x => x.n.Id)
            .Take(MentionLimit)
            .Select(x => new MyMention(x.n.Id, x.CaseNumber, x.Title, x.n.AuthorName, x.n.CreatedAt))
            .ToListAsync(ct);
    }
}
