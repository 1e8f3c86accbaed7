using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Assignments;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Features.Cases;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Assignments;

/// <summary>
/// Assigning assessors and advisory members to a case, and what they answer besides an assessment:
/// a declared conflict of interest, or written advice. Every change goes through the case-change
/// pipeline with its event; every rule is checked here, whatever the page offered.
/// </summary>
public sealed class AssignmentService(CaseChangePipeline changes)
{
    public const string DueDateField = nameof(AssignmentInput.DueDate);
    public const string UsersField = nameof(AssignmentInput.UserIds);
    public const string ReasonField = "Reason";
    public const string AdviceField = "Advice";

    /// <summary>Assigns every chosen person, or nobody: one refused person refuses the whole request with the reason at the field.</summary>
    public Task<CaseCommandResult> AssignAsync(string caseNumber, AssignmentInput input, Actor actor, CancellationToken ct = default) =>
        changes.RunAsync<CaseCommandResult>(async scope =>
        {
            if (!actor.MayAssign())
            {
                return new CaseCommandResult.Refused(AssignmentText.NotAllowed);
            }

            var c = await LoadAsync(scope.Db, caseNumber, ct);
            if (c is null || !actor.CanSee(c))
            {
                return new CaseCommandResult.NotFound(WorkflowText.NotFound);
            }

            if (AssignmentRules.WhyNotNow(c, input.Kind) is { } notNow)
            {
                return new CaseCommandResult.Refused(notNow);
            }

            var errors = new Dictionary<string, string>();
            if (AssignmentRules.WhyNotDue(input.DueDate, DanishTime.Today(scope.Now)) is { } dueError)
            {
                errors[DueDateField] = dueError;
            }

            var ids = input.UserIds.Distinct().ToList();
            var people = await scope.Db.Users.Where(u => ids.Contains(u.Id)).ToListAsync(ct);
            if (ids.Count == 0)
            {
                errors[UsersField] = AssignmentText.Users_Required;
            }
            else if (people.Count != ids.Count)
            {
                errors[UsersField] = AssignmentText.User_NotFound;
            }
            else if (people.Select(p => AssignmentRules.WhyNot(p.ToActor(), p.IsActive, c, c.Pool!.Kind, input.Kind)).FirstOrDefault(r => r is not null) is { } refused)
            {
                errors[UsersField] = refused;
            }

            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            foreach (var p in people)
            {
                Add(scope, c, p, input.Kind, input.DueDate!.Value, actor);
            }

            return new CaseCommandResult.Done(c.CaseNumber, c.Version, AssignmentText.Assign_Saved);
        }, m => new CaseCommandResult.Refused(m), ct);

    /// <summary>The assignee sets their open assignment aside for a conflict of interest (inhabilitet), with the reason.</summary>
    public Task<CaseCommandResult> DeclareConflictAsync(string caseNumber, string? reason, Actor actor, CancellationToken ct = default) =>
        changes.RunAsync<CaseCommandResult>(async scope =>
        {
            var c = await LoadAsync(scope.Db, caseNumber, ct);
            if (c is null || !actor.CanSee(c))
            {
                return new CaseCommandResult.NotFound(WorkflowText.NotFound);
            }

            var mine = c.Assignments.FirstOrDefault(a => a.UserId == actor.UserId);
            if (mine is null)
            {
                return new CaseCommandResult.Refused(AssignmentText.Conflict_NotAssigned);
            }

            if (!mine.IsOpen)
            {
                return new CaseCommandResult.Refused(AssignmentText.Conflict_Closed);
            }

            if (TextError(reason, AssignmentText.Conflict_ReasonRequired) is { } error)
            {
                return new CaseCommandResult.Invalid(new Dictionary<string, string> { [ReasonField] = error });
            }

            mine.ConflictDeclaredAt = scope.Now;
            mine.ConflictReason = Text.Clean(reason);
            scope.Record(c, CaseEvent.ForAnnotation(c, CaseEventKind.ConflictDeclared, actor, scope.Now, new { mine.Kind, Reason = mine.ConflictReason }));
            return new CaseCommandResult.Done(c.CaseNumber, c.Version, AssignmentText.Conflict_Saved);
        }, m => new CaseCommandResult.Refused(m), ct);

    /// <summary>An advisory member's written advice on a case they are assigned to advise on.</summary>
    public Task<CaseCommandResult> AdviseAsync(string caseNumber, string? advice, Actor actor, CancellationToken ct = default) =>
        changes.RunAsync<CaseCommandResult>(async scope =>
        {
            var c = await LoadAsync(scope.Db, caseNumber, ct);
            if (c is null || !actor.CanSee(c))
            {
                return new CaseCommandResult.NotFound(WorkflowText.NotFound);
            }

            var mine = c.Assignments.FirstOrDefault(a => a.UserId == actor.UserId && a.Kind == AssignmentKind.Advice);
            if (!actor.MayAdvise(c) || mine is null)
            {
                return new CaseCommandResult.Refused(AssignmentText.Advice_NotAllowed);
            }

            if (mine.ConflictDeclaredAt is not null)
            {
                return new CaseCommandResult.Refused(AssignmentText.Conflict_Closed);
            }

            if (TextError(advice, AssignmentText.Advice_Required) is { } error)
            {
                return new CaseCommandResult.Invalid(new Dictionary<string, string> { [AdviceField] = error });
            }

            mine.Advice = Text.Clean(advice);
            mine.DoneAt = scope.Now;
            scope.Record(c, CaseEvent.ForAnnotation(c, CaseEventKind.AdviceGiven, actor, scope.Now, new { Length = mine.Advice.Length }));
            return new CaseCommandResult.Done(c.CaseNumber, c.Version, AssignmentText.Advice_Saved);
        }, m => new CaseCommandResult.Refused(m), ct);

    internal static Task<InnovationCase?> LoadAsync(AppDbContext db, string caseNumber, CancellationToken ct) =>
        db.Cases.Include(x => x.PartnerDepartments).Include(x => x.Assignments).Include(x => x.Pool)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, ct);

    internal static void Add(CaseChangeScope scope, InnovationCase c, AppUser person, AssignmentKind kind, DateOnly due, Actor actor)
    {
        var assignment = new CaseAssignment
        {
            CaseId = c.Id,
            UserId = person.Id,
            UserName = person.DisplayName,
            Kind = kind,
            DueDate = due,
            AssignedByUserId = actor.UserId,
            AssignedByName = actor.Name,
            AssignedAt = scope.Now,
        };
        c.Assignments.Add(assignment);
        scope.Record(c, CaseEvent.ForAnnotation(c, CaseEventKind.AssessorAssigned, actor, scope.Now,
            new { Kind = kind.ToString(), UserId = person.Id, person.DisplayName, DueDate = due }));
    }

    private static string? TextError(string? text, string required) =>
        string.IsNullOrWhiteSpace(text) ? required
        : text.Length > Limits.TextMax ? string.Format(AssignmentText.TooLong, Limits.TextMax.ToString("N0", Money.Danish))
        : null;
}
