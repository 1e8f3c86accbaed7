using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Cases.Intake;

/// <summary>
/// Edits of an application after submission: the lead department's staff while it is Submitted,
/// caseworkers afterwards. Each edit is validated like a submission, checked against the version
/// the editor started from, and stored with an Edited event listing every changed field old → new.
/// </summary>
public sealed class CaseEditService(
    IDbContextFactory<AppDbContext> dbFactory,
    CaseChangePipeline changes)
{
    /// <summary>The application of a case the actor may edit, with the version to send back; null otherwise.</summary>
    public async Task<(CaseApplication Application, int Version, string Title, IReadOnlySet<string> Locked)?> LoadAsync(string caseNumber, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await LoadCaseAsync(db, caseNumber, ct);
        if (c is null || !actor.MayEdit(c))
        {
            return null;
        }

        return (CaseApplication.From(c, c.Pool!.Kind), c.Version, c.Title, c.LockedFields());
    }

    public async Task<CaseCommandResult> EditAsync(string caseNumber, CaseApplication application, Actor actor, int expectedVersion, CancellationToken ct = default)
    {
        var a = application.Clone();
        a.Normalize();
        return await changes.RunAsync<CaseCommandResult>(async scope =>
        {
            var db = scope.Db;
            var c = await LoadCaseAsync(db, caseNumber, ct);
            if (c is null || !actor.CanSee(c))
            {
                return new CaseCommandResult.NotFound(WorkflowText.NotFound);
            }

            if (!actor.MayEdit(c))
            {
                return new CaseCommandResult.Refused(IntakeText.Edit_NotAllowed);
            }

            if (c.Version != expectedVersion)
            {
                var who = await db.CaseEvents.Where(e => e.CaseId == c.Id).OrderByDescending(e => e.Id).Select(e => e.ActorName).FirstOrDefaultAsync(ct);
                return new CaseCommandResult.Conflict(string.Format(IntakeText.Edit_Conflict, who ?? "?"));
            }

            if (actor.ActsForOwnDepartment())
            {
                a.LeadDepartmentId = c.LeadDepartmentId;
            }

            var lookups = await IntakeService.LookupsAsync(db, ct);
            var errors = CaseApplicationValidator.Validate(a, lookups);
            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            var before = CaseApplication.From(c, c.Pool!.Kind);
            var lockedErrors = LockedChanges(before, a, c.LockedFields());
            if (lockedErrors.Count > 0)
            {
                return new CaseCommandResult.Invalid(lockedErrors);
            }

            var pool = await IntakeService.FindPoolAsync(db, a, ct);
            if (pool is null)
            {
                return new CaseCommandResult.Invalid(new Dictionary<string, string> { [nameof(a.PoolKind)] = IntakeText.Val_NoPool });
            }

            a.ApplyTo(c, pool.Id);
            var after = CaseApplication.From(c, pool.Kind);
            var fieldChanges = ApplicationDiff.Between(before, after, lookups);
            if (fieldChanges.Count == 0)
            {
                return new CaseCommandResult.Done(c.CaseNumber, c.Version, IntakeText.Edit_NoChanges);
            }

            // A partner row added or removed does not touch the case row: mark it so the version still moves.
            db.Entry(c).State = EntityState.Modified;
            scope.Record(c, CaseEvent.ForAnnotation(c, CaseEventKind.Edited, actor, scope.Now, fieldChanges));
            await scope.SaveAsync();
            return new CaseCommandResult.Done(c.CaseNumber, c.Version, IntakeText.Edit_Saved);
        }, m => new CaseCommandResult.Refused(m), ct);
    }

    /// <summary>A message at each locked field the edit would change.</summary>
    private static Dictionary<string, string> LockedChanges(CaseApplication before, CaseApplication after, IReadOnlySet<string> locked)
    {
        var values = new Dictionary<string, (object? Before, object? After)>
        {
            [nameof(before.RequestedAmount)] = (before.RequestedAmount, after.RequestedAmount),
            [nameof(before.InternalCoFinancing)] = (before.InternalCoFinancing, after.InternalCoFinancing),
            [nameof(before.ExternalCoFinancing)] = (before.ExternalCoFinancing, after.ExternalCoFinancing),
            [nameof(before.ExpectedAnnualGain)] = (before.ExpectedAnnualGain, after.ExpectedAnnualGain),
            [nameof(before.PoolKind)] = (before.PoolKind, after.PoolKind),
            [nameof(before.BudgetYear)] = (before.BudgetYear, after.BudgetYear),
            [nameof(before.LeadDepartmentId)] = (before.LeadDepartmentId, after.LeadDepartmentId),
        };
        return values
            .Where(v => locked.Contains(v.Key) && !Equals(v.Value.Before, v.Value.After))
            .ToDictionary(v => v.Key, v => string.Format(IntakeText.Edit_FieldLocked, CaseApplicationValidator.Label(v.Key)));
    }

    private static Task<InnovationCase?> LoadCaseAsync(AppDbContext db, string caseNumber, CancellationToken ct) =>
        db.Cases
            .Include(x => x.PartnerDepartments)
            .Include(x => x.ExternalPartners)
            .Include(x => x.Pool)
            .SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, ct);
}
