using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnovationCases.Bench;

/// <summary>
/// The longest single database command EF Core ran in this process while it was started, and how
/// many ran: what a command timeout is measured against (B5 reports it for the rebuild).
/// </summary>
internal sealed class LongestCommand : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _lock = new();

    public LongestCommand() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public TimeSpan Longest { get; private set; }

    public int Commands { get; private set; }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name || name == RelationalEventId.DataReaderDisposing.Name));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // A reader's command counts until the reader is done: its rows arrive under the same timeout.
        var duration = value.Value switch
        {
            DataReaderDisposingEventData r => r.Duration,
            CommandExecutedEventData e => e.Duration,
            _ => TimeSpan.Zero,
        };
        lock (_lock)
        {
            Commands += value.Value is CommandExecutedEventData ? 1 : 0;
            Longest = duration > Longest ? duration : Longest;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        foreach (var s in _subscriptions)
        {
            s.Dispose();
        }
    }
}
