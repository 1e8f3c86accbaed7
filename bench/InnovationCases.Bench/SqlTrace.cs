using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnovationCases.Bench;

/// <summary>
/// Prints every SQL command EF Core runs in this process with its duration, from EF's diagnostic
/// events (no change to the app's logging). Turned on with the environment variable BENCH_SQL=1;
/// used to find where a scenario's time goes.
/// </summary>
internal sealed class SqlTrace : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];

    private SqlTrace() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public static bool Enabled => Environment.GetEnvironmentVariable("BENCH_SQL") == "1";

    public static IDisposable? Start() => Enabled ? new SqlTrace() : null;

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name || name == RelationalEventId.DataReaderDisposing.Name));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
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
