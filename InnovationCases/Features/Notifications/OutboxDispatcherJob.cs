using Microsoft.Extensions.Options;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// Runs the <see cref="OutboxDispatcher"/> in the background: batch after batch while there is
/// work, then a poll every <see cref="MailOptions.PollMilliseconds"/>; while the server cannot be
/// reached it waits longer each time, up to 32 polls or a minute.
/// </summary>
public sealed class OutboxDispatcherJob(OutboxDispatcher dispatcher, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDispatcherJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Mode == MailMode.Off)
        {
            logger.LogInformation("Mail:Mode is Off: notifications wait in the outbox");
            return;
        }

        var poll = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.PollMilliseconds));
        var wait = poll;
        while (!stoppingToken.IsCancellationRequested)
        {
            int? sent;
            try
            {
                sent = await dispatcher.DispatchOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed batch (a busy or full database) must not stop the dispatcher; its claims run out and are taken again.
                logger.LogError(e, "An outbox batch failed");
                sent = null;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (sent > 0)
            {
                wait = poll;
                continue;
            }

            var cap = Math.Min(TimeSpan.FromMinutes(1).Ticks, poll.Ticks * 32);
            wait = sent is null ? TimeSpan.FromTicks(Math.Min(cap, wait.Ticks * 2)) : poll;
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
