namespace InnovationCases.Features.Live;

/// <summary>
/// Fans committed case changes out to every open page in this process. Thread-safe; a subscription
/// is an <see cref="IDisposable"/> that a component disposes when its circuit ends. Handlers run on
/// the publisher's thread and must only queue work (e.g. <c>InvokeAsync</c>), never block.
/// </summary>
public sealed class CaseChangeNotifier(ILogger<CaseChangeNotifier> logger)
{
    private readonly Subscribers<CaseChange> _subscribers = new(logger, "case change");

    public int SubscriberCount => _subscribers.Count;

    public IDisposable Subscribe(Func<CaseChange, Task> handler) => _subscribers.Add(handler);

    public void Publish(CaseChange change)
    {
        foreach (var handler in _subscribers.Current)
        {
            _ = _subscribers.InvokeAsync(handler, change);
        }
    }
}
