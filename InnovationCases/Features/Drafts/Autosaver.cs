namespace InnovationCases.Features.Drafts;

/// <summary>
/// Saves a form's draft by itself: <see cref="Changed"/> after each change waits for a quiet moment
/// (each change restarts the wait), <see cref="FlushAsync"/> saves at once when a field loses focus.
/// Saves never overlap, so a slow save cannot be overtaken by an older one. The save callback must
/// marshal to its component itself (<c>InvokeAsync</c>): the quiet moment ends on a timer thread.
/// </summary>
public sealed class Autosaver(Func<Task> save, TimeSpan delay, TimeProvider clock, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CancellationTokenSource? _pending;
    private bool _dirty;
    private bool _stopped;

    /// <summary>Something changed: save after the quiet delay unless more changes come.</summary>
    public void Changed()
    {
        if (_stopped)
        {
            return;
        }

        _dirty = true;
        var next = new CancellationTokenSource();
        Interlocked.Exchange(ref _pending, next)?.Cancel();
        _ = WaitThenSaveAsync(next.Token);
    }

    /// <summary>Saves now if anything changed since the last save (a field lost focus).</summary>
    public async Task FlushAsync()
    {
        Interlocked.Exchange(ref _pending, null)?.Cancel();
        await SaveIfDirtyAsync();
    }

    /// <summary>
    /// No more saves: the form's work is being sent. Waits for a save under way, so that the caller
    /// sees its result (a draft id) and no save lands after the draft was removed.
    /// </summary>
    public async Task StopAsync()
    {
        _stopped = true;
        Interlocked.Exchange(ref _pending, null)?.Cancel();
        await _gate.WaitAsync();
        _gate.Release();
    }

    /// <summary>Saves may start again (the send was refused and the person goes on typing).</summary>
    public void Resume() => _stopped = false;

    public void Dispose()
    {
        _stopped = true;
        Interlocked.Exchange(ref _pending, null)?.Cancel();
    }

    private async Task WaitThenSaveAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, clock, ct);
        }
        catch (OperationCanceledException)
        {
            return; // a newer change or a flush took over
        }

        await SaveIfDirtyAsync();
    }

    private async Task SaveIfDirtyAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_dirty || _stopped)
            {
                return;
            }

            _dirty = false;
            await save();
        }
        catch (Exception e)
        {
            // A draft that could not be saved is retried with the next change; the form keeps working.
            _dirty = true;
            logger.LogWarning(e, "Autosave failed");
        }
        finally
        {
            _gate.Release();
        }
    }
}
