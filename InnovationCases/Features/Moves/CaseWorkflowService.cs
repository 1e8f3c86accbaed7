using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Moves;

/// <summary>
/// The only way a case changes stage. A move reads the case in the write's own transaction
/// (<see cref="MoveStore"/>: no tracking, only the columns it needs), builds the workflow machine,
/// checks the actor, the rules and the data, and stores the new stage with a version-checked UPDATE
/// together with its audit event through the <see cref="CaseChangePipeline"/>, which tells open
/// pages after the commit.
/// </summary>
public sealed class CaseWorkflowService(
    IDbContextFactory<AppDbContext> dbFactory,
    CaseChangePipeline changes,
    TimeProvider clock)
{
    /// <summary>Makes the move if the actor may, the data is valid and nobody changed the case since <paramref name="expectedVersion"/>.</summary>
    public Task<MoveResult> FireAsync(string caseNumber, MoveData data, Actor actor, int expectedVersion, CancellationToken ct = default)
    {
        var move = data.Cleaned();
        return changes.RunAsync<MoveResult>(async scope =>
        {
            var c = await LoadAsync(scope.Db, caseNumber, actor, ct);
            if (c is null)
            {
                return new MoveResult.NotFound(WorkflowText.NotFound);
            }

            if (c.Version != expectedVersion)
            {
                return await ConflictAsync(scope.Db, c, ct);
            }

            var from = c.Stage;
            var enteredAt = c.StageChangedAt;
            var workflow = new CaseWorkflow(await ContextAsync(scope.Db, c, actor, scope.Now, ct, only: move.Trigger, locked: true));
            var check = workflow.Check(move);
            if (!check.Allowed)
            {
                return new MoveResult.Refused(check.Reasons, check.FieldErrors);
            }

            var before = MoveColumns.Of(c);
            var consumed = c.ConsumedAmount;
            workflow.Fire(move);
            if (c.ConsumedAmount > consumed && move.Trigger != Trigger.Grant)
            {
                // It takes more from the pool: a grant that reads what is left must wait for it (Grant locked the pool already).
                await scope.Db.LockPoolAsync(c.PoolId, ct);
            }

            if (!await MoveStore.SaveAsync(scope.Db, c, before, expectedVersion, ct))
            {
                // Someone moved it between the read and the write: another process on SQLite (one process
                // serializes its writers), any other writer on PostgreSQL, where moves run side by side.
                var current = await LoadAsync(scope.Db, caseNumber, actor, ct);
                return current is null ? new MoveResult.NotFound(WorkflowText.NotFound) : await ConflictAsync(scope.Db, current, ct);
            }

            // The event (and what the move created) is saved by the pipeline, with the stage statistics.
            scope.RecordMove(c, CaseEvent.ForMove(c, from, move, actor), enteredAt);
            return new MoveResult.Moved(c.CaseNumber, from, c.Stage, c.Version);
        }, m => new MoveResult.Refused(m), WriteIsolation.RowLocks, ct);
    }

    /// <summary>The moves the actor may make on the case now and why not the others; null when the case is not visible to them.</summary>
    public async Task<CaseMoves?> GetMovesAsync(string caseNumber, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await LoadAsync(db, caseNumber, actor, ct);
        if (c is null)
        {
            return null;
        }

        var workflow = new CaseWorkflow(await ContextAsync(db, c, actor, clock.GetUtcNow().UtcDateTime, ct));
        return new CaseMoves(c.CaseNumber, c.Stage, c.Version, workflow.Options());
    }

    /// <summary>
    /// Everything the rules read about a case, loaded in the caller's context. For one known trigger
    /// only what its rules read is queried: the pool's remaining budget matters only to Grant, the
    /// assessments only to Recommend (this keeps the common moves to one read and one write).
    /// <paramref name="locked"/>: in a move's write, where a grant locks its pool row before it reads
    /// what is left (a move runs at READ COMMITTED on PostgreSQL: <see cref="WriteIsolation.RowLocks"/>),
    /// so two grants from one pool at once take turns and the second sees the first.
    /// </summary>
    private static async Task<WorkflowContext> ContextAsync(AppDbContext db, InnovationCase c, Actor actor, DateTime now, CancellationToken ct, Trigger? only = null, bool locked = false)
    {
        var pool = c.Pool ?? await db.Pools.SingleAsync(p => p.Id == c.PoolId, ct);
        // The budget as committed when the lock was granted, not as the case's read saw it.
        var budget = locked && only == Trigger.Grant ? await db.LockPoolAsync(pool.Id, ct) : null;
        var remaining = only is null or Trigger.Grant ? await db.RemainingAsync(pool.Id, budget ?? pool.Budget, ct) : 0;
        var qualifies = only is null or Trigger.Recommend && await db.Assessments.AnyAsync(a => a.CaseId == c.Id && a.MainCriterionMet, ct);
        return new WorkflowContext(actor, c, pool, remaining, qualifies, now);
    }

    private static async Task<InnovationCase?> LoadAsync(AppDbContext db, string caseNumber, Actor actor, CancellationToken ct)
    {
        var c = await MoveStore.LoadAsync(db, caseNumber, ct);
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
