using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Live;
using InnovationCases.Features.Notifications;
using InnovationCases.Features.StageStats;

namespace InnovationCases.Features.CaseChanges;

/// <summary>
/// One case change in its transaction: the context to read and write through, the time the change
/// happens, and the events it records. The pipeline saves the recorded events with the change and
/// publishes them after the commit.
/// </summary>
public sealed class CaseChangeScope(AppDbContext db, DateTime now, CancellationToken ct)
{
    private readonly List<(InnovationCase Case, CaseEvent Event)> _recorded = [];
    private readonly List<StageChange> _stageChanges = [];

    // A move's event is not tracked: it is written with plain SQL when the change completes, with
    // its stage change's day rows (not in _stageChanges).
    private readonly List<(CaseEvent Event, StageChange Stages)> _moves = [];

    public AppDbContext Db { get; } = db;

    /// <summary>When the change happens (UTC), the same for everything it records.</summary>
    public DateTime Now { get; } = now;

    public CancellationToken Ct { get; } = ct;

    /// <summary>
    /// Adds the audit event of a change to <paramref name="c"/>; saved with the change, published after
    /// the commit. A Created event also counts the case's entry into its first stage (<see cref="StageDay"/>);
    /// a move records through <see cref="RecordMove"/>, which knows the stay it ends.
    /// </summary>
    public void Record(InnovationCase c, CaseEvent ev)
    {
        if (ev.Kind == CaseEventKind.Moved)
        {
            throw new InvalidOperationException("A move is recorded with RecordMove, so that the stage statistics see the stay it ends.");
        }

        if (ev.Kind == CaseEventKind.Created)
        {
            _stageChanges.Add(new StageChange(c.Id, ev.At, ev.ToStage));
        }

        Add(c, ev);
    }

    /// <summary>
    /// Adds a move's event, ending the stay in <see cref="CaseEvent.FromStage"/> that began at <paramref name="stageEnteredAt"/>.
    /// <paramref name="c"/> is the case as a move reads it: not tracked, with its assignments.
    /// </summary>
    public void RecordMove(InnovationCase c, CaseEvent ev, DateTime stageEnteredAt)
    {
        _moves.Add((ev, new StageChange(c.Id, ev.At, ev.ToStage, ev.FromStage, stageEnteredAt)));
        _recorded.Add((c, ev));
    }

    private void Add(InnovationCase c, CaseEvent ev)
    {
        Db.CaseEvents.Add(ev);
        _recorded.Add((c, ev));
    }

    /// <summary>
    /// Saves now, inside the transaction: for a change that needs generated ids or the case's new
    /// version for its answer. The pipeline saves anything recorded afterwards by itself.
    /// </summary>
    public Task SaveAsync() => Db.SaveChangesAsync(Ct);

    /// <summary>The events recorded so far, with their cases.</summary>
    internal IReadOnlyList<(InnovationCase Case, CaseEvent Event)> Recorded => _recorded;

    /// <summary>
    /// The recorded events the change tracker saves: what the notification planner adds its rows to
    /// (it refers to the event, which EF inserts first). A move's event is written by
    /// <see cref="CompleteAsync"/> with plain SQL, and its fan-out row with it.
    /// </summary>
    internal IReadOnlyList<(InnovationCase Case, CaseEvent Event)> Tracked =>
        _moves.Count == 0 ? _recorded
        : _moves.Count == _recorded.Count ? []
        : _recorded.Where(r => !_moves.Exists(m => m.Event == r.Event)).ToList();

    /// <summary>
    /// Counts the recorded stage changes for the dashboard's day rows (<see cref="StageDayWriter"/>
    /// appends them; no row shared with other moves is locked), in the same transaction as the events they count.
    /// A move's were written with its event by <see cref="CompleteAsync"/>.
    /// </summary>
    internal async Task CountStagesAsync()
    {
        foreach (var change in _stageChanges)
        {
            await StageDayWriter.ApplyAsync(Db, change, Ct);
        }
    }

    /// <summary>
    /// Saves what was recorded: what the change tracker holds with <c>SaveChanges</c>, then each move's
    /// event as one INSERT (<see cref="MappedSql"/>: a move tracks nothing else on the hot path, B1)
    /// with, where <paramref name="fansOut"/> says its notifications are planned, its
    /// <see cref="PendingFanOut"/> row, and its <see cref="PendingStageDay"/> rows. Returns the live changes, read after the save so versions and
    /// event ids are the new ones.
    /// </summary>
    internal async Task<IReadOnlyList<CaseChange>> CompleteAsync(Func<CaseEvent, bool> fansOut)
    {
        if (_recorded.Count == 0)
        {
            return [];
        }

        if (_moves.Count < _recorded.Count || Db.ChangeTracker.HasChanges())
        {
            await Db.SaveChangesAsync(Ct);
        }

        foreach (var (ev, stages) in _moves)
        {
            // The event, its pending fan-out row and its day rows: one command on SQLite (B1, B3b).
            ev.Id = await MappedSql.InsertReturningKeyAsync<CaseEvent, PendingFanOut, PendingStageDay>(Db, ev,
                fansOut(ev) ? nameof(PendingFanOut.CaseEventId) : null, StageDayWriter.PendingColumns, StageDayWriter.PendingRowsOf(stages), Ct);
        }

        // Open pages decide by the case's parties whether their user may see the change; an advisory
        // member is a party through an assignment, so the assignments must be known, not guessed. A
        // move's case is not tracked and was read with its assignments (MoveStore): nothing to ask
        // the change tracker (an entry and a navigation's expression per call, B1).
        if (_moves.Count < _recorded.Count)
        {
            foreach (var c in _recorded.Select(r => r.Case).Distinct())
            {
                var entry = Db.Entry(c);
                if (entry.State != Microsoft.EntityFrameworkCore.EntityState.Detached && entry.Collection(x => x.Assignments) is { IsLoaded: false } assignments)
                {
                    await assignments.LoadAsync(Ct);
                }
            }
        }

        return _recorded.Select(r => CaseChange.For(r.Case, r.Event)).ToList();
    }
}
