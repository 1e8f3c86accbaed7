using System.Collections.Concurrent;
using InnovationCases.Domain;
using InnovationCases.Features.Live;

namespace InnovationCases.Features.Dashboard;

/// <summary>
/// The one shared, live copy of the dashboard. It listens to <see cref="CaseChangeNotifier"/>,
/// waits <see cref="Coalesce"/> so that a burst of changes costs one recomputation, recomputes each
/// year someone has looked at once, and then tells the open dashboards, which only render the new
/// snapshot: the aggregates are computed once per change, not once per viewer.
/// </summary>
/// <remarks>
/// The snapshot is computed as a reader of all cases. That is safe because the dashboard is only for
/// <see cref="Account.RoleSets.AllCasesReaders"/>, who see every case under <c>CaseScope</c>;
/// department staff never get this snapshot.
/// </remarks>
public sealed class DashboardLive : IDisposable
{
    /// <summary>Whom the shared snapshot is computed for: a reader of all cases.</summary>
    public static readonly Actor AllCasesReader = new("dashboard", "Dashboard", Role.Manager, null);

    private readonly DashboardAggregates _aggregates;
    private readonly TimeProvider _clock;
    private readonly ILogger<DashboardLive> _logger;
    private readonly IDisposable _subscription;
    private readonly ITimer _refresh;
    private readonly ConcurrentDictionary<int, Lazy<Task<DashboardSnapshot>>> _snapshots = new();
    private readonly Subscribers<int> _subscribers;
    private int _pending;
    private int _computations;

    public DashboardLive(DashboardAggregates aggregates, CaseChangeNotifier notifier, TimeProvider clock, ILogger<DashboardLive> logger)
    {
        _aggregates = aggregates;
        _clock = clock;
        _logger = logger;
        _subscribers = new(logger, "dashboard");
        _subscription = notifier.Subscribe(OnChangeAsync);
        // Time passes without changes too: days in stage grow and cases start to stand still.
        _refresh = clock.CreateTimer(_ => Refresh(), null, RefreshEvery, RefreshEvery);
    }

    /// <summary>How often open dashboards are recomputed when nothing changes.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(5);

    /// <summary>How long to gather changes before recomputing.</summary>
    public TimeSpan Coalesce { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How many snapshots have been computed since start (for tests and diagnostics).</summary>
    public int Computations => Volatile.Read(ref _computations);

    /// <summary>The current snapshot for <paramref name="year"/>, computed on first request.</summary>
    public Task<DashboardSnapshot> GetAsync(int year)
    {
        var snapshot = _snapshots.GetOrAdd(year, y => new Lazy<Task<DashboardSnapshot>>(() => ComputeAsync(y))).Value;
        if (snapshot.IsCompletedSuccessfully && snapshot.Result.ComputedAt < _clock.GetUtcNow().UtcDateTime - RefreshEvery)
        {
            // Nobody watched for a while (the timer only runs for open dashboards): start afresh.
            var fresh = new Lazy<Task<DashboardSnapshot>>(() => ComputeAsync(year));
            _snapshots[year] = fresh;
            return fresh.Value;
        }

        return snapshot;
    }

    /// <summary>
    /// Calls <paramref name="handler"/> with the year whenever a new snapshot is ready. Handlers must
    /// only queue work (<c>InvokeAsync</c>). Dispose the subscription when the page goes away.
    /// </summary>
    public IDisposable Subscribe(Func<int, Task> handler) => _subscribers.Add(handler);

    public void Dispose()
    {
        _subscription.Dispose();
        _refresh.Dispose();
    }

    private Task OnChangeAsync(CaseChange change)
    {
        ScheduleRecompute();
        return Task.CompletedTask;
    }

    private void Refresh()
    {
        if (_subscribers.Count > 0)
        {
            ScheduleRecompute();
        }
    }

    private void ScheduleRecompute()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _ = RecomputeSoonAsync();
        }
    }

    private async Task RecomputeSoonAsync()
    {
        try
        {
            await Task.Delay(Coalesce, _clock);
            // Changes from here on schedule another round, so none is lost.
            Volatile.Write(ref _pending, 0);
            if (_subscribers.Count == 0)
            {
                // Nobody is watching: forget the snapshots; the next viewer computes a fresh one.
                _snapshots.Clear();
                return;
            }

            foreach (var year in _snapshots.Keys.ToList())
            {
                var fresh = await ComputeAsync(year);
                _snapshots[year] = new Lazy<Task<DashboardSnapshot>>(Task.FromResult(fresh));
                foreach (var handler in _subscribers.Current)
                {
                    _ = _subscribers.InvokeAsync(handler, year);
                }
            }
        }
        catch (Exception e)
        {
            Volatile.Write(ref _pending, 0);
            _logger.LogError(e, "Recomputing the dashboard failed");
        }
    }

    private async Task<DashboardSnapshot> ComputeAsync(int year)
    {
        try
        {
            var snapshot = await _aggregates.ComputeAsync(AllCasesReader, year, _clock.GetUtcNow().UtcDateTime);
            Interlocked.Increment(ref _computations);
            return snapshot;
        }
        catch
        {
            _snapshots.TryRemove(year, out _); // let the next request try again
            throw;
        }
    }
}
