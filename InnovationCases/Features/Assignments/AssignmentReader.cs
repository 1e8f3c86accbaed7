using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Assignments;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Assignments;

/// <summary>
/// The reads of assignments: the signed-in person's own list ("Mine vurderinger") and its badge,
/// the assignments on one case, and whom the assignment dialog offers. Cases go through
/// <see cref="CaseScope"/> like every other read.
/// </summary>
public sealed class AssignmentReader(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The actor's assignments, overdue first, then by due date.</summary>
    public async Task<IReadOnlyList<MyAssignment>> MineAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = Today();
        var rows = await db.Cases.AsNoTracking().VisibleTo(actor)
            .SelectMany(c => c.Assignments.Where(a => a.UserId == actor.UserId), (c, a) => new { c.CaseNumber, c.Title, c.Stage, a.Kind, a.DueDate, a.DoneAt, a.ConflictDeclaredAt })
            .ToListAsync(ct);
        return rows
            .Select(r => new MyAssignment(r.CaseNumber, r.Title, r.Stage, r.Kind, r.DueDate, r.DoneAt is not null, r.ConflictDeclaredAt is not null,
                r.DoneAt is null && r.ConflictDeclaredAt is null && r.DueDate < today))
            .OrderByDescending(r => r.IsOverdue)
            .ThenBy(r => r.IsDone || r.IsConflict)
            .ThenBy(r => r.DueDate)
            .ThenBy(r => r.CaseNumber, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>How many assignments wait for the actor (the navigation badge).</summary>
    public async Task<int> OpenCountAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Cases.AsNoTracking().VisibleTo(actor)
            .SelectMany(c => c.Assignments)
            .CountAsync(a => a.UserId == actor.UserId && a.DoneAt == null && a.ConflictDeclaredAt == null, ct);
    }

    /// <summary>The case's assignments as the actor may see them; null when they may see none (department staff, or no such case).</summary>
    public async Task<CaseAssignmentsView?> ForCaseAsync(string caseNumber, Actor actor, CancellationToken ct = default)
    {
        var seesAll = actor.MayReadAssessments();
        if (!seesAll && actor.Role != Role.AdvisoryBoard)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Cases.AsNoTracking().VisibleTo(actor).Include(x => x.Assignments)
            .SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, ct);
        if (c is null)
        {
            return null;
        }

        var today = Today();
        var rows = c.Assignments
            .Where(a => seesAll || a.UserId == actor.UserId)
            .OrderBy(a => a.Kind).ThenBy(a => a.UserName, StringComparer.CurrentCulture)
            .Select(a => new AssignmentRow(a.UserId, a.UserName, a.Kind, a.DueDate, a.DoneAt is not null, a.IsOverdue(today),
                a.ConflictReason, actor.MayReadAdvice() ? a.Advice : null))
            .ToList();
        return new CaseAssignmentsView(rows, rows.FirstOrDefault(r => r.UserId == actor.UserId), actor.MayAssign() && c.Stage.IsActive());
    }

    /// <summary>
    /// Whom the dialog offers for <paramref name="kind"/>: every active person of the right role,
    /// the ones with fresh eyes first and the least busy among them first; the others with the reason.
    /// </summary>
    public async Task<IReadOnlyList<AssignmentCandidate>> CandidatesAsync(string caseNumber, AssignmentKind kind, Actor actor, CancellationToken ct = default)
    {
        if (!actor.MayAssign())
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Cases.AsNoTracking().VisibleTo(actor)
            .Include(x => x.PartnerDepartments).Include(x => x.Assignments).Include(x => x.Pool)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, ct);
        return c is null ? [] : await CandidatesAsync(db, [c], kind, ct);
    }

    /// <summary>The candidates for several cases at once (the bulk dialog): refused when refused for every case.</summary>
    internal static async Task<IReadOnlyList<AssignmentCandidate>> CandidatesAsync(AppDbContext db, IReadOnlyList<InnovationCase> cases, AssignmentKind kind, CancellationToken ct)
    {
        var role = AssignmentRules.RoleFor(kind);
        var people = await db.Users.AsNoTracking().Where(u => u.Role == role).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var ids = people.Select(p => p.Id).ToList();
        var loads = await db.CaseAssignments.AsNoTracking()
            .Where(a => ids.Contains(a.UserId) && a.DoneAt == null && a.ConflictDeclaredAt == null)
            .GroupBy(a => a.UserId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return people
            .Select(p => new AssignmentCandidate(
                p.Id,
                p.DisplayName,
                p.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
                Refusal(p, cases, kind),
                loads.GetValueOrDefault(p.Id)))
            .OrderBy(x => x.Refusal is not null)
            .ThenBy(x => x.OpenLoad)
            .ThenBy(x => x.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    private static string? Refusal(AppUser person, IReadOnlyList<InnovationCase> cases, AssignmentKind kind)
    {
        var reasons = cases.Select(c => AssignmentRules.WhyNot(person.ToActor(), person.IsActive, c, c.Pool!.Kind, kind)).ToList();
        return reasons.Any(r => r is null) ? null : reasons.FirstOrDefault();
    }

    private DateOnly Today() => DanishTime.Today(clock.GetUtcNow());
}
