using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Live;

namespace InnovationCases.Features.CaseChanges;

/// <summary>
/// One case change in its transaction: the context to read and write through, the time the change
/// happens, and the events it records. The pipeline saves the recorded events with the change and
/// publishes them after the commit.
/// </summary>
public sealed class CaseChangeScope(AppDbContext db, DateTime now, CancellationToken ct)
{
    private readonly List<(InnovationCase Case, CaseEvent Event)> _recorded = [];

    public AppDbContext Db { get; } = db;

    /// <summary>When the change happens (UTC), the same for everything it records.</summary>
    public DateTime Now { get; } = now;

    public CancellationToken Ct { get; } = ct;

    /// <summary>Adds the audit event of a change to <paramref name="c"/>; saved with the change, published after the commit.</summary>
    public void Record(InnovationCase c, CaseEvent ev)
    {
        Db.CaseEvents.Add(ev);
        _recorded.Add((c, ev));
    }

    /// <summary>
    /// Saves now, inside the transaction: for a change that needs generated ids or the case's new
    /// version for its answer. The pipeline saves anything recorded afterwards by itself.
    /// </summary>
    public Task SaveAsync() => Db.SaveChangesAsync(Ct);

    /// <summary>The events recorded so far, with their cases: what the notification planner reads.</summary>
    internal IReadOnlyList<(InnovationCase Case, CaseEvent Event)> Recorded => _recorded;

    /// <summary>Saves what was recorded; returns the live changes, read after the save so versions are the new ones.</summary>
    internal async Task<IReadOnlyList<CaseChange>> CompleteAsync()
    {
        if (_recorded.Count == 0)
        {
            return [];
        }

        await Db.SaveChangesAsync(Ct);

        // Open pages decide by the case's parties whether their user may see the change; an advisory
        // member is a party through an assignment, so the assignments must be known, not guessed.
        foreach (var c in _recorded.Select(r => r.Case).Distinct())
        {
            var assignments = Db.Entry(c).Collection(x => x.Assignments);
            if (Db.Entry(c).State != Microsoft.EntityFrameworkCore.EntityState.Detached && !assignments.IsLoaded)
            {
                await assignments.LoadAsync(Ct);
            }
        }

        return _recorded.Select(r => CaseChange.For(r.Case, r.Event)).ToList();
    }
}
