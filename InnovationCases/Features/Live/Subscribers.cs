namespace InnovationCases.Features.Live;

/// <summary>
/// A thread-safe list of async handlers that open pages subscribe with, shared by every live feed
/// (case changes, boards, dashboards). Subscribing returns an <see cref="IDisposable"/> that a
/// component disposes when its circuit ends; a handler that throws is logged and never stops the rest.
/// </summary>
public sealed class Subscribers<T>(ILogger logger, string what)
{
    private readonly Lock _lock = new();
    private Func<T, Task>[] _handlers = [];

    public int Count => Volatile.Read(ref _handlers).Length;

    /// <summary>The handlers at this moment; safe to enumerate while others subscribe or leave.</summary>
    public IReadOnlyList<Func<T, Task>> Current => Volatile.Read(ref _handlers);

    public IDisposable Add(Func<T, Task> handler)
    {
        lock (_lock)
        {
            _handlers = [.. _handlers, handler];
        }

        return new Subscription(this, handler);
    }

    /// <summary>Calls one handler; a failure is logged, not thrown.</summary>
    public async Task InvokeAsync(Func<T, Task> handler, T value)
    {
        try
        {
            await handler(value);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A {What} subscriber failed", what);
        }
    }

    private void Remove(Func<T, Task> handler)
    {
        lock (_lock)
        {
            _handlers = _handlers.Where(h => h != handler).ToArray();
        }
    }

    private sealed class Subscription(Subscribers<T> owner, Func<T, Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(handler);
            }
        }
    }
}
