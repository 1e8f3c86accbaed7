using System.Data.Common;
using InnovationCases.Data;
using InnovationCases.Features.Live;
using InnovationCases.Features.Notifications;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.CaseChanges;

/// <summary>
/// The one way a case changes: moves, intake, edits, assessments, effect reports and every kind
/// added later. It opens the write (<see cref="DbWriter"/>: one transaction, serialized writers,
/// busy retries), lets the change do its work and record its event(s) on the
/// <see cref="CaseChangeScope"/>, saves them together, commits, and only then tells open pages
/// (<see cref="CaseChangeNotifier"/>; other app instances through <see cref="ICaseChangeRelay"/>). The e-mails a change causes are outbox rows written in the
/// same transaction (<see cref="NotificationPlanner"/>) and sent afterwards. A change that records nothing (a refusal, invalid input)
/// saves nothing and publishes nothing. A database that fails for another reason than being busy
/// (a full disk, a read-only file) rolls the change back and answers with <paramref name="refused"/>'s
/// Danish refusal: the user's page lives on and nothing half-done is stored.
/// </summary>
public sealed class CaseChangePipeline(DbWriter writer, CaseChangeNotifier notifier, ICaseChangeRelay relay, NotificationPlanner planner, TimeProvider clock, ILogger<CaseChangePipeline> logger)
{
    public Task<T> RunAsync<T>(Func<CaseChangeScope, Task<T>> change, Func<string, T> refused, CancellationToken ct = default) =>
        RunAsync(change, refused, WriteIsolation.Serializable, ct);

    /// <summary>
    /// Runs the change with the isolation it needs on a server database: <see cref="WriteIsolation.RowLocks"/>
    /// for a change that guards its reads with row locks itself (a move), so that it waits for the
    /// rows every change writes (the day's stage counts) instead of failing on them.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<CaseChangeScope, Task<T>> change, Func<string, T> refused, WriteIsolation isolation, CancellationToken ct = default)
    {
        IReadOnlyList<CaseChange> committed = [];
        T result;
        try
        {
            result = await writer.WriteAsync(async db =>
            {
                // A new scope per attempt: a retried write must not publish what an earlier attempt recorded.
                var scope = new CaseChangeScope(db, clock.GetUtcNow().UtcDateTime, ct);
                var outcome = await change(scope);
                // The outbox rows join the change's transaction: both are stored, or neither. A move's
                // event is written with plain SQL, and its pending fan-out row with it, by the same rule.
                await planner.PlanAsync(scope, scope.Tracked);
                committed = await scope.CompleteAsync(planner.FansOut);
                // Other instances hear of the change when it commits (and never if it rolls back).
                await relay.SendAsync(db, committed, ct);
                await scope.CountStagesAsync();
                return outcome;
            }, isolation, ct);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            logger.LogError(e, "A case change could not be stored; it was rolled back");
            return refused(AppText.StorageFailed);
        }

        foreach (var c in committed)
        {
            notifier.Publish(c);
        }

        return result;
    }
}
