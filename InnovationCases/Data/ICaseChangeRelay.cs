using InnovationCases.Features.Live;

namespace InnovationCases.Data;

/// <summary>
/// Carries committed case changes to the other app instances on the same database. The pipeline
/// calls it inside the change's transaction, after the save, so a change reaches the others exactly
/// when it commits and never when it rolls back. The instance that made the change publishes it to
/// its own pages itself.
/// </summary>
public interface ICaseChangeRelay
{
    Task SendAsync(AppDbContext db, IReadOnlyList<CaseChange> changes, CancellationToken ct);
}
