using InnovationCases.Data;
using InnovationCases.Features.Live;

namespace InnovationCases.Features.CaseChanges;

/// <summary>
/// The one way a case changes: moves, intake, edits, assessments, effect reports and every kind
/// added later. It opens the write (<see cref="DbWriter"/>: one transaction, serialized writers,
/// busy retries), lets the change do its work and record its event(s) on the
/// <see cref="CaseChangeScope"/>, saves them together, commits, and only then tells open pages
/// (<see cref="CaseChangeNotifier"/>). A change that records nothing (a refusal, invalid input)
/// saves nothing and publishes nothing.
/// </summary>
public sealed class CaseChangePipeline(DbWriter writer, CaseChangeNotifier notifier, TimeProvider clock)
{
    public async Task<T> RunAsync<T>(Func<CaseChangeScope, Task<T>> change, CancellationToken ct = default)
    {
        IReadOnlyList<CaseChange> committed = [];
        var result = await writer.WriteAsync(async db =>
        {
            // A new scope per attempt: a retried write must not publish what an earlier attempt recorded.
            var scope = new CaseChangeScope(db, clock.GetUtcNow().UtcDateTime, ct);
            var outcome = await change(scope);
            committed = await scope.CompleteAsync();
            return outcome;
        }, ct);

        foreach (var c in committed)
        {
            notifier.Publish(c);
        }

        return result;
    }
}
