using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Assignments;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Features.Cases;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Assignments;

/// <summary>
/// Assessors for all of a round's screened cases that still lack one, in one go: the chosen
/// assessors share the cases evenly, each case going only to someone with fresh eyes. All or
/// nothing: if a case has nobody it may go to, nothing is stored and the answer names the case.
/// </summary>
public sealed class BulkAssignmentService(CaseChangePipeline changes, IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The round's screened cases without an assessor (one who has not declared a conflict).</summary>
    internal static IQueryable<InnovationCase> Waiting(AppDbContext db, int roundId) =>
        db.Cases.Where(c => c.RoundId == roundId && c.Stage == Stage.Screened &&
            !c.Assignments.Any(a => a.Kind == AssignmentKind.Assessment && a.ConflictDeclaredAt == null));

    public async Task<(int CaseCount, IReadOnlyList<AssignmentCandidate> Candidates)> PrepareAsync(int roundId, Actor actor, CancellationToken ct = default)
    {
        if (!actor.MayAssign())
        {
            return (0, []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = await Load(Waiting(db, roundId).AsNoTracking()).ToListAsync(ct);
        return (cases.Count, await AssignmentReader.CandidatesAsync(db, cases, AssignmentKind.Assessment, ct));
    }

    public Task<CaseCommandResult> AssignAsync(int roundId, AssignmentInput input, Actor actor, CancellationToken ct = default) =>
        changes.RunAsync<CaseCommandResult>(async scope =>
        {
            if (!actor.MayAssign())
            {
                return new CaseCommandResult.Refused(AssignmentText.NotAllowed);
            }

            var db = scope.Db;
            var cases = await Load(Waiting(db, roundId)).OrderBy(c => c.Id).ToListAsync(ct);
            if (cases.Count == 0)
            {
                return new CaseCommandResult.Refused(AssignmentText.Bulk_None);
            }

            var errors = new Dictionary<string, string>();
            if (AssignmentRules.WhyNotDue(input.DueDate, DanishTime.Today(scope.Now)) is { } dueError)
            {
                errors[AssignmentService.DueDateField] = dueError;
            }

            var ids = input.UserIds.Distinct().ToList();
            var people = await db.Users.Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName).ToListAsync(ct);
            if (ids.Count == 0 || people.Count != ids.Count)
            {
                errors[AssignmentService.UsersField] = ids.Count == 0 ? AssignmentText.Users_Required : AssignmentText.User_NotFound;
            }

            var spread = AssignmentRules.Spread(cases, people,
                (c, p) => AssignmentRules.WhyNot(p.ToActor(), p.IsActive, c, c.Pool!.Kind, AssignmentKind.Assessment) is null);
            if (errors.Count == 0 && spread.FirstOrDefault(s => s.Person is null) is { Case: { } stuck })
            {
                errors[AssignmentService.UsersField] = string.Format(AssignmentText.Bulk_NoFreshEyes, stuck.CaseNumber);
            }

            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            foreach (var (c, person) in spread)
            {
                AssignmentService.Add(scope, c, person!, AssignmentKind.Assessment, input.DueDate!.Value, actor);
            }

            return new CaseCommandResult.Done("", 0, string.Format(AssignmentText.Bulk_Saved, cases.Count));
        }, m => new CaseCommandResult.Refused(m), ct);

    private static IQueryable<InnovationCase> Load(IQueryable<InnovationCase> cases) =>
        cases.Include(c => c.PartnerDepartments).Include(c => c.Assignments).Include(c => c.Pool).AsSplitQuery();
}
