using InnovationCases.Data;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.StageStats;

/// <summary>
/// Folds the pending day rows in the background (<see cref="StageDayFold"/>) every
/// <c>StageStats:FoldMilliseconds</c> (1,000 by default; 0 turns it off), so that the dashboard's
/// reads of pending rows stay small. It looks first and writes only when something is pending: on
/// SQLite a write takes the file's one write lock.
/// </summary>
public sealed class StageDayFoldJob(DbWriter writer, IDbContextFactory<AppDbContext> factory, IConfiguration configuration,
    ILogger<StageDayFoldJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = configuration.GetValue("StageStats:FoldMilliseconds", 1_000);
        if (every <= 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stoppingToken);
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
}
