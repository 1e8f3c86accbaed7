using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Live;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Cases;

/// <summary>
/// The only way a case changes stage. Each call loads the case in its own context, builds the
/// workflow machine, checks the actor, the guards and the data, and stores the new stage together
/// with its audit event in one transaction, then tells open pages.
/// </summary>
public sealed class CaseWorkflowService(
    IDbContextFactory<AppDbContext> dbFactory,
    DbWriter writer,
    TimeProvider clock,
    CaseChangeNotifier notifier)
{
    /// <summary>Fires <paramref name="trigger"/> on the case if the actor may, the data is valid and nobody moved it since <paramref name="expectedVersion"/>.</summary>
    public Task<MoveResult> FireAsync(string caseNumber, Trigger trigger, TransitionData? data, Actor actor, int expectedVersion, CancellationToken ct = default) =>
        MoveAsync(caseNumber, _ => (trigger, null), data, actor, expectedVersion, ct);

    /// <summary>Moves the case to <paramref name="target"/> (a board drop) with the one trigger that leads there.</summary>
    public Task<MoveResult> MoveToAsync(string caseNumber, Stage target, TransitionData? data, Actor actor, int expectedVersion, CancellationToken ct = default) =>
        MoveAsync(caseNumber, from => ResolveDrop(from, target), data, actor, expectedVersion, ct);

    /// <summary>The moves the actor may make on the case now and why not the others; null when the case is not visible to them.</summary>
    public async Task<CaseMoves?> GetMovesAsync(string caseNumber, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await LoadAsync(db, caseNumber, actor, ct);
        if (c is null)
        {
            return null;
        }

        var workflow = new CaseWorkflow(await ContextAsync(db, c, actor, ct));
        return new CaseMoves(c.CaseNumber, c.Stage, c.Version, workflow.Options());
    }

    /// <summary>Checks a move's data without storing anything, for dialogs that validate as the user types.</summary>
    public async Task<MoveCheck?> CheckAsync(string caseNumber, Trigger trigger, TransitionData? data, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await LoadAsync(db, caseNumber, actor, ct);
        return c is null ? null : new CaseWorkflow(await ContextAsync(db, c, actor, ct)).Check(trigger, data);
    }

    /// <summary>
    /// Everything the guards read about a case, loaded in the caller's context. For one known trigger
    /// only what its guards read is queried: the pool's remaining budget matters only to Grant, the
    /// assessments only to Recommend (this keeps the common moves to one read and one write).
    /// </summary>
    internal async Task<WorkflowContext> ContextAsync(AppDbContext db, InnovationCase c, Actor actor, CancellationToken ct, Trigger? only = null)
    {
        var pool = c.Pool ?? await db.Pools.SingleAsync(p => p.Id == c.PoolId, ct);
        var remaining = only is null or Trigger.Grant ? await db.RemainingAsync(pool, ct) : 0;
        var qualifies = only is null or Trigger.Recommend && await db.Assessments.AnyAsync(a => a.CaseId == c.Id && a.MainCriterionMet, ct);
        return new WorkflowContext(actor, c, pool, remaining, qualifies, clock.GetUtcNow().UtcDateTime);
    }

    private async Task<MoveResult> MoveAsync(
        string caseNumber,
        Func<Stage, (Trigger? Trigger, string? Refusal)> resolve,
        TransitionData? data,
        Actor actor,
        int expectedVersion,
        CancellationToken ct)
    {
        CaseChange? change = null;
        var result = await writer.WriteAsync<MoveResult>(async db =>
        {
            change = null;
            var c = await LoadAsync(db, caseNumber, actor, ct);
            if (c is null)
            {
                return new MoveResult.NotFound(WorkflowText.NotFound);
            }

            if (c.Version != expectedVersion)
            {
                return await ConflictAsync(db, c, ct);
            }

            var from = c.Stage;
            var (trigger, refusal) = resolve(from);
            if (trigger is not { } t)
            {
                return new MoveResult.Refused(refusal!);
            }

            var workflow = new CaseWorkflow(await ContextAsync(db, c, actor, ct, only: t));
            var given = data ?? new TransitionData();
            var check = workflow.Check(t, given);
            if (!check.Allowed)
            {
                return new MoveResult.Refused(check.Reasons, check.FieldErrors);
            }

            workflow.Fire(t, given);
            var ev = CaseEvent.ForMove(c, from, t, given, actor);
            db.CaseEvents.Add(ev);
            await db.SaveChangesAsync(ct);
            change = CaseChange.For(c, ev);
            return new MoveResult.Moved(c.CaseNumber, from, c.Stage, c.Version);
        }, ct);

        if (change is not null)
        {
            notifier.Publish(change);
        }

        return result;
    }

    private static (Trigger?, string?) ResolveDrop(Stage from, Stage target)
    {
        if (from == target)
        {
            return (null, string.Format(WorkflowText.SameStage, from.Label()));
        }

        if (from.IsClosed() || from == Stage.Evaluated)
        {
            return (null, string.Format(WorkflowText.CaseIsClosed, from.Label()));
        }

        if (CaseWorkflow.TriggerFor(from, target) is { } t)
        {
            return (t, null);
        }

        var backwards = !target.IsClosed() && StageExtensions.Open.ToList().IndexOf(target) < StageExtensions.Open.ToList().IndexOf(from);
        return (null, string.Format(backwards ? WorkflowText.CannotMoveBack : WorkflowText.CannotSkip, from.Label(), target.Label()));
    }

    // Compiled once: every move starts with this lookup, so skipping EF's per-call query translation pays.
    private static readonly Func<AppDbContext, string, CancellationToken, Task<InnovationCase?>> LoadCase =
        EF.CompileAsyncQuery((AppDbContext db, string caseNumber, CancellationToken ct) => db.Cases
            .Include(x => x.PartnerDepartments)
            .Include(x => x.Pool)
            .SingleOrDefault(x => x.CaseNumber == caseNumber));

    private static async Task<InnovationCase?> LoadAsync(AppDbContext db, string caseNumber, Actor actor, CancellationToken ct)
    {
        var c = await LoadCase(db, caseNumber, ct);
        return c is not null && actor.CanSee(c) ? c : null;
    }

    private static async Task<MoveResult> ConflictAsync(AppDbContext db, InnovationCase c, CancellationToken ct)
    {
        var last = await db.CaseEvents
            .Where(e => e.CaseId == c.Id)
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.ActorName, e.Kind })
            .FirstOrDefaultAsync(ct);
        var who = last?.ActorName ?? "?";
        var message = last?.Kind == CaseEventKind.Moved
            ? string.Format(WorkflowText.Conflict, who, c.Stage.Label())
            : string.Format(WorkflowText.ConflictEdited, who);
        return new MoveResult.Conflict(who, c.Stage, c.Version, message);
    }
}
