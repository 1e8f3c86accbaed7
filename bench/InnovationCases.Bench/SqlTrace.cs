using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnovationCases.Bench;

/// <summary>
/// Prints every SQL command EF Core runs in this process with its duration, from EF's diagnostic
/// events (no change to the app's logging). Turned on with the environment variable BENCH_SQL=1;
/// used to find where a scenario's time goes. BENCH_SQL=2 prints instead, when the measured part
/// ends, a profile of one writer's statements: per statement text, how often, the mean time in the
/// app before it (since the previous statement ended: the CPU between statements) and its duration.
/// </summary>
internal sealed class SqlTrace : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];

    private SqlTrace() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    // BENCH_SQL=2: per statement text, how often, the time before it and its duration (one writer).
    private readonly Dictionary<string, (int N, double Gap, double Duration)> _profile = [];
    private long _previousEnd;
    private string _previousKey = "";
    private bool _printed;

    public static bool Enabled => Environment.GetEnvironmentVariable("BENCH_SQL") is "1" or "2";

    private static bool Profile => Environment.GetEnvironmentVariable("BENCH_SQL") == "2";

    public static IDisposable? Start() => Enabled ? new SqlTrace() : null;

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name || name == RelationalEventId.DataReaderDisposing.Name
                || name == RelationalEventId.TransactionStarted.Name || name == RelationalEventId.TransactionCommitted.Name));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Profile)
        {
            Add(value);
            return;
        }

        if (value.Value is DataReaderDisposingEventData r)
        {
            Console.WriteLine($"    read {r.Duration.TotalMilliseconds,7:0.0} ms  ({r.ReadCount} rows, until the reader was disposed)");
        }
        else if (value.Value is CommandExecutedEventData e)
        {
            var sql = string.Join(' ', e.Command.CommandText.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
            Console.WriteLine($"    sql {e.Duration.TotalMilliseconds,7:0.0} ms  {sql[..Math.Min(sql.Length, 400)]}");
        }
    }

    private void Add(KeyValuePair<string, object?> value)
    {
        var now = Stopwatch.GetTimestamp();
        var (key, duration) = value.Value switch
        {
            DataReaderDisposingEventData r => ("  (reading) ", r.Duration),
            CommandExecutedEventData e => (e.Command.CommandText.Replace('\n', ' ').Trim()[..Math.Min(60, e.Command.CommandText.Trim().Length)], e.Duration),
            TransactionEndEventData t => (value.Key.Split('.').Last(), t.Duration),
            _ => (value.Key.Split('.').Last(), TimeSpan.Zero),
        };
        lock (_profile)
        {
            var start = now - (long)(duration.TotalSeconds * Stopwatch.Frequency);
            var gap = _previousEnd == 0 ? 0 : Stopwatch.GetElapsedTime(_previousEnd, Math.Max(start, _previousEnd)).TotalMilliseconds;
            if (value.Value is DataReaderDisposingEventData)
            {
                // Reading a result belongs to the statement before it; its duration counts from the execution.
                key += _previousKey;
                gap = 0;
            }
            else
            {
                _previousKey = key;
            }

            var (n, g, d) = _profile.GetValueOrDefault(key);
            _profile[key] = (n + 1, g + gap, d + duration.TotalMilliseconds);
            _previousEnd = now;
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
        if (Profile && !_printed)
        {
            _printed = true;
            foreach (var (k, (n, g, d)) in _profile.OrderByDescending(p => p.Value.N))
            {
                Console.WriteLine($"  {n,6}  gap before {1000 * g / n,8:0} us  dur {1000 * d / n,8:0} us  {k}");
            }
        }

        foreach (var s in _subscriptions)
        {
            s.Dispose();
        }
    }
}
