using System.Diagnostics;
using Npgsql;

namespace InnovationCases.Bench;

/// <summary>
/// Where PostgreSQL's writers wait (BENCH_PG_WAITS=1, with <c>--postgres</c>): a side connection samples
/// <c>pg_stat_activity</c> and the ungranted <c>pg_locks</c> every few milliseconds while the measured
/// moves run, and when they end prints, per wait (or "on CPU"/"idle in app") and statement, the share of
/// the samples of the run's sessions, what the ungranted locks were on, and the CPU the server's
/// processes used beside the app's. It reads the server, it changes nothing the moves do.
/// </summary>
internal sealed class PgWaitSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Dictionary<string, int> _waits = [];
    private readonly Dictionary<string, int> _locks = [];
    private readonly double _serverCpuBefore = ServerCpuSeconds();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _samples;
    private int _sessionSamples;

    private PgWaitSampler(string connectionString) => _loop = Task.Run(() => LoopAsync(connectionString));

    public static PgWaitSampler? Start(string? connectionString) =>
        BenchDatabase.Postgres && connectionString is not null && Environment.GetEnvironmentVariable("BENCH_PG_WAITS") == "1"
            ? new PgWaitSampler(connectionString)
            : null;

    private async Task LoopAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var activity = new NpgsqlCommand("""
            SELECT coalesce(wait_event_type, 'CPU'), coalesce(wait_event, ''), coalesce(state, ''), coalesce(left(regexp_replace(query, '\s+', ' ', 'g'), 60), '')
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            """, conn);
        await using var locks = new NpgsqlCommand("""
            SELECT l.locktype, coalesce(l.relation::regclass::text, ''), l.mode
            FROM pg_locks l WHERE NOT l.granted
            """, conn);
        while (!_stop.IsCancellationRequested)
        {
            _samples++;
            await using (var r = await activity.ExecuteReaderAsync())
            {
                while (await r.ReadAsync())
                {
                    var state = r.GetString(2);
                    // Idle in transaction: the app (or the network) has the turn, after the statement shown.
                    var key = state == "active" ? $"{r.GetString(0)}:{r.GetString(1)} | {r.GetString(3)}"
                        : state == "idle in transaction" ? $"app's turn in a transaction, after | {r.GetString(3)}" : $"{state} (outside a transaction)";
                    _waits[key] = _waits.GetValueOrDefault(key) + 1;
                    _sessionSamples++;
                }
            }

            await using (var r = await locks.ExecuteReaderAsync())
            {
                while (await r.ReadAsync())
                {
                    var key = $"{r.GetString(0)} {r.GetString(1)} {r.GetString(2)}";
                    _locks[key] = _locks.GetValueOrDefault(key) + 1;
                }
            }

            try
            {
                await Task.Delay(5, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>CPU seconds of every postgres process on the machine (the harness's server is the only one in the bench).</summary>
    private static double ServerCpuSeconds()
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(dir), out _) || File.ReadAllText(Path.Combine(dir, "comm")).Trim() != "postgres")
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return ticks / 100.0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        var seconds = _clock.Elapsed.TotalSeconds;
        var serverCpu = ServerCpuSeconds() - _serverCpuBefore;
        Console.WriteLine($"    pg waits: {_samples} samples over {seconds:0.0} s; server CPU {serverCpu:0.0} s ({serverCpu / seconds * 100:0} % of one core); share of session samples:");
        foreach (var (key, n) in _waits.OrderByDescending(w => w.Value).Take(15))
        {
            Console.WriteLine($"      {n * 100.0 / Math.Max(1, _sessionSamples),5:0.0} %  {key}");
        }

        Console.WriteLine("    ungranted locks (samples):");
        foreach (var (key, n) in _locks.OrderByDescending(w => w.Value).Take(10))
        {
            Console.WriteLine($"      {n,6}  {key}");
        }

        _stop.Dispose();
    }
}
