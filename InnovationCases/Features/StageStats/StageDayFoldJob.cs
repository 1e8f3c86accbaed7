using InnovationCases.Data;
using InnovationCases.Features.Live;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.StageStats;

/// <summary>
/// Folds the pending day rows in the background (<see cref="StageDayFold"/>): woken by committed
/// changes (this instance's, and another's through the relay), it waits
/// <c>StageStats:FoldMilliseconds</c> (1,000 by default; 0 turns the job off) so that a busy
/// moment's rows go in one fold; without a wake-up it looks once a minute, so rows left by a restart
/// are folded too. It looks before it writes: on SQLite a write takes the file's one write lock. The
/// dashboard does not wait for it (<see cref="StageDayReader"/> reads pending rows too); it keeps
/// what the dashboard reads of them small.
/// </summary>
public sealed class StageDayFoldJob(DbWriter writer, IDbContextFactory<AppDbContext> factory, CaseChangeNotifier notifier, IConfiguration configuration,
    ILogger<StageDayFoldJob> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = configuration.GetValue("StageStats:FoldMilliseconds", 1_000);
        if (delay <= 0)
        {
            return;
        }

        using var subscription = notifier.Subscribe(_ =>
        {
            if (_wake.CurrentCount == 0)
            {
                try
                {
                    _wake.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Already woken.
                }
            }

            return Task.CompletedTask;
        });
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await _wake.WaitAsync(Poll, stoppingToken))
                {
                    await Task.Delay(delay, stoppingToken);
                }

                bool pending;
                await using (var db = await factory.CreateDbContextAsync(stoppingToken))
                {
                    pending = await db.PendingStageDays.AnyAsync(stoppingToken);
                }

                if (pending)
                {
                    await StageDayFold.FoldAsync(writer, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A failed fold rolls back; its rows stay pending (and counted by the dashboard) for the next.
                logger.LogError(e, "Folding the pending stage-day rows failed");
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
