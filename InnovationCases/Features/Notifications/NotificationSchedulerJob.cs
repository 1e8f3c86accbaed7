using Cronos;
using InnovationCases.Domain;
using Microsoft.Extensions.Options;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// Runs the <see cref="NotificationScheduler"/> at <see cref="NotificationOptions.DailyCron"/> on
/// Danish time (Cronos handles the summer-time switches). At start it runs the latest time that
/// already fell due, so a day the app was down is caught up; the keys make that run a no-op when
/// the day was done. Off with <c>Notifications:SchedulerEnabled=false</c> (the tests run it by hand).
/// </summary>
public sealed class NotificationSchedulerJob(
    NotificationScheduler scheduler,
    IOptions<NotificationOptions> options,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<NotificationSchedulerJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Notifications:SchedulerEnabled", true))
        {
            return;
        }

        var cron = CronExpression.Parse(options.Value.DailyCron);
        var zone = DanishTime.TimeZone;
        var now = clock.GetUtcNow().UtcDateTime;
        if (cron.GetOccurrences(now.AddDays(-2), now, zone, fromInclusive: true, toInclusive: true).LastOrDefault() is { } last && last != default)
        {
            await RunAsync(last, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            now = clock.GetUtcNow().UtcDateTime;
            if (cron.GetNextOccurrence(now, zone) is not { } next)
            {
                return;
            }

            try
            {
                await Task.Delay(next - now, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await RunAsync(next, stoppingToken);
        }
    }

    private async Task RunAsync(DateTime occurrence, CancellationToken ct)
    {
        try
        {
            var created = await scheduler.RunAsync(occurrence, ct);
            logger.LogInformation("Daily notifications for {Day}: {Count} reminder(s) and digest(s) created", DanishTime.Today(occurrence), created);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A unique key taken by another instance, a busy file: the next run (or the next instance) completes the day.
            logger.LogError(e, "The daily notification run failed");
        }
    }
}
