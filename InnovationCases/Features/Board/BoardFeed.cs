using InnovationCases.Features.Live;

namespace InnovationCases.Features.Board;

/// <summary>A committed change with the changed card as read once after the commit (null when the case is gone).</summary>
public sealed record BoardUpdate(CaseChange Change, BoardItem? Item);

/// <summary>
/// Live updates for every open board at the price of one read per change: on each
/// <see cref="CaseChange"/> it reads the changed card once (without a user's scope) and hands the
/// same <see cref="BoardUpdate"/> to every subscribed board, which keeps it only if its user may see
/// the case and it matches the board's filters. Thread-safe; boards dispose their subscription.
/// </summary>
public sealed class BoardFeed : IDisposable
{
    private readonly BoardService _boards;
    private readonly IDisposable _subscription;
    private readonly Subscribers<BoardUpdate> _subscribers;

    public BoardFeed(CaseChangeNotifier notifier, BoardService boards, ILogger<BoardFeed> logger)
    {
        _boards = boards;
        _subscribers = new(logger, "board");
        _subscription = notifier.Subscribe(OnChangeAsync);
    }

    public int SubscriberCount => _subscribers.Count;

    public IDisposable Subscribe(Func<BoardUpdate, Task> handler) => _subscribers.Add(handler);

    public void Dispose() => _subscription.Dispose();

    private async Task OnChangeAsync(CaseChange change)
    {
        // A note changes nothing on a card, and a board is also open for people who may not read notes.
        if (_subscribers.Count == 0 || change.Kind.IsNoteEvent())
        {
            return;
        }

        // SQLite reads and a free circuit's InvokeAsync both complete synchronously: without the
        // yield the user who moved a card would wait while every open board re-renders.
        await Task.Yield();
        var update = new BoardUpdate(change, await _boards.LoadItemAsync(change.CaseId));
        foreach (var handler in _subscribers.Current)
        {
            // Each board renders on its own thread-pool item, so the boards use every core.
            _ = Task.Run(() => _subscribers.InvokeAsync(handler, update));
        }
    }
}
