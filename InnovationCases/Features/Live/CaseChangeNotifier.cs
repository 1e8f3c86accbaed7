namespace InnovationCases.Features.Live;

/// <summary>
/// Fans committed case changes out to every open page in this process. Thread-safe; a subscription
/// is an <see cref="IDisposable"/> that a component disposes when its circuit ends. Handlers run on
/// the publisher's thread and must only queue work (e.g. <c>InvokeAsync</c>), never block.
/// </summary>
public sealed class CaseChangeNotifier(ILogger<CaseChangeNotifier> logger)
{
    private readonly Lock _lock = new();
    private Func<CaseChange, Task>[] _handlers = [];

    public int SubscriberCount => Volatile.Read(ref _handlers).Length;

    public IDisposable Subscribe(Func<CaseChange, Task> handler)
    {
        lock (_lock)
        {
            _handlers = [.. _handlers, handler];
        }

        return new Subscription(this, handler);
    }

    public void Publish(CaseChange change)
    {
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            _ = RunAsync(handler, change);
        }
    }

    private async Task RunAsync(Func<CaseChange, Task> handler, CaseChange change)
    {
        try
        {
            await handler(change);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A live subscriber failed on {CaseNumber}", change.CaseNumber);
        }
    }

    private void Unsubscribe(Func<CaseChange, Task> handler)
    {
        lock (_lock)
        {
            _handlers = _handlers.Where(h => h != handler).ToArray();
        }
    }

    private sealed class Subscription(CaseChangeNotifier owner, Func<CaseChange, Task> handler) : IDisposable
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
