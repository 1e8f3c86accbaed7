using InnovationCases.Features.Live;

namespace InnovationCases.Features.Board;

/// <summary>A committed change with the changed card as read once after the commit (null when the case is gone).</summary>
public sealed record BoardUpdate(CaseChange Change, BoardItem? Item, long PoolRemaining);

/// <summary>
/// Live updates for every open board at the price of one read per change: on each
/// <see cref="CaseChange"/> it reads the changed card once (without a user's scope) and hands the
/// same <see cref="BoardUpdate"/> to every subscribed board, which keeps it only if its user may see
/// the case and it matches the board's filters. Thread-safe; boards dispose their subscription.
/// </summary>
public sealed class BoardFeed : IDisposable
{
    private readonly BoardService _boards;
    private readonly ILogger<BoardFeed> _logger;
    private readonly IDisposable _subscription;
    private readonly Lock _lock = new();
    private Func<BoardUpdate, Task>[] _handlers = [];

    public BoardFeed(CaseChangeNotifier notifier, BoardService boards, ILogger<BoardFeed> logger)
    {
        _boards = boards;
        _logger = logger;
        _subscription = notifier.Subscribe(OnChangeAsync);
    }

    public int SubscriberCount => Volatile.Read(ref _handlers).Length;

    public IDisposable Subscribe(Func<BoardUpdate, Task> handler)
    {
        lock (_lock)
        {
            _handlers = [.. _handlers, handler];
        }

        return new Subscription(this, handler);
    }

    public void Dispose() => _subscription.Dispose();

    private async Task OnChangeAsync(CaseChange change)
    {
        var handlers = Volatile.Read(ref _handlers);
        if (handlers.Length == 0)
        {
            return;
        }

        // SQLite reads and a free circuit's InvokeAsync both complete synchronously: without the
        // yield the user who moved a card would wait while every open board re-renders.
        await Task.Yield();
        var read = await _boards.LoadItemAsync(change.CaseId);
        var update = new BoardUpdate(change, read?.Item, read?.PoolRemaining ?? 0);
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            // Each board renders on its own thread-pool item, so the boards use every core.
            _ = Task.Run(() => RunAsync(handler, update));
        }
    }

    private async Task RunAsync(Func<BoardUpdate, Task> handler, BoardUpdate update)
    {
        try
        {
            await handler(update);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "A board failed to apply the change to {CaseNumber}", update.Change.CaseNumber);
        }
    }

    private void Unsubscribe(Func<BoardUpdate, Task> handler)
    {
        lock (_lock)
        {
            _handlers = _handlers.Where(h => h != handler).ToArray();
        }
    }

    private sealed class Subscription(BoardFeed owner, Func<BoardUpdate, Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(handler);
            }
        }
    }
}
