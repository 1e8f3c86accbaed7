using InnovationCases.Features.Live;
using Microsoft.Extensions.Options;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// Runs the <see cref="NotificationFanOut"/> in the background: woken by every committed change that
/// notifies (also another instance's, through the relay), it waits
/// <see cref="NotificationOptions.FanOutDelayMilliseconds"/> so that a busy moment's changes go in one
/// pass, then expands everything pending; without a wake-up it looks every
/// <see cref="NotificationOptions.FanOutPollMilliseconds"/>, so rows left by a restart are not lost.
/// </summary>
public sealed class NotificationFanOutJob(NotificationFanOut fanOut, CaseChangeNotifier notifier, IOptions<NotificationOptions> options, TimeProvider clock,
    ILogger<NotificationFanOutJob> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.FanOutInBackground)
        {
            return;
        }

        using var subscription = notifier.Subscribe(change =>
        {
            if (NotificationRules.Notifies(change.Kind) && _wake.CurrentCount == 0)
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
        var poll = TimeSpan.FromMilliseconds(Math.Max(50, o.FanOutPollMilliseconds));
        var delay = TimeSpan.FromMilliseconds(Math.Max(0, o.FanOutDelayMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await _wake.WaitAsync(poll, stoppingToken) && delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, clock, stoppingToken);
                }

                await fanOut.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A failed pass (a busy or full database) rolls back; its rows stay pending for the next.
                logger.LogError(e, "A notification fan-out pass failed");
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
