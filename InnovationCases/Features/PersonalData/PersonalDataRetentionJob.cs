namespace InnovationCases.Features.PersonalData;

/// <summary>
/// Applies the retention at start-up and then once a day. The clock is the app's
/// <see cref="TimeProvider"/>; tests call <see cref="PersonalDataRetention.RunAsync"/> directly
/// instead of waiting for the timer.
/// </summary>
public sealed class PersonalDataRetentionJob(PersonalDataRetention retention, TimeProvider clock, ILogger<PersonalDataRetentionJob> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var removed = await retention.RunAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Retention removed the contact person from {Count} closed case(s)", removed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One failed pass must not stop the daily job; the next pass retries the same cases.
                logger.LogError(e, "The personal data retention pass failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
