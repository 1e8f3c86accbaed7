using InnovationCases.Features.Live;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InnovationCases.Data.Postgres;

/// <summary>
/// Listens on a dedicated connection for the case changes other instances commit and publishes them
/// to this instance's <see cref="CaseChangeNotifier"/>, once each (its own changes it skips: the
/// pipeline published them already). A lost connection is reopened with a growing pause; after
/// reopening it publishes the newest change of every case changed meanwhile, so open boards,
/// dashboards and lists reload what the gap hid.
/// </summary>
public sealed class PostgresChangeListener(
    PostgresChangeFeed feed,
    IDbContextFactory<AppDbContext> factory,
    CaseChangeNotifier notifier,
    ILogger<PostgresChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);

    private int _connections;
    private int _processId;

    /// <summary>How many times the listener has started listening (1 after the start, +1 per reconnect).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The server process of the listening connection, 0 while there is none (for operators and tests).</summary>
    public int ProcessId => Volatile.Read(ref _processId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = await ListenerConnectionStringAsync(stoppingToken);
        var pause = FirstPause;
        long? watermark = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresChangeFeed.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Everything committed from here on arrives as a notification; what committed while
                // there was no connection is after the last watermark and is replayed.
                var now = await feed.WatermarkAsync(stoppingToken);
                if (watermark is { } since)
                {
                    await ReplayAsync(since, stoppingToken);
                }

                watermark = now;
                feed.ForgetUpTo(now);
                Volatile.Write(ref _processId, connection.ProcessID);
                Interlocked.Increment(ref _connections);
                pause = FirstPause;
                logger.LogInformation("Listening for case changes from other instances (server process {Pid})", connection.ProcessID);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Volatile.Write(ref _processId, 0);
                logger.LogWarning(e, "The case change listener lost its connection; reconnecting in {Pause}", pause);
            }

            try
            {
                await Task.Delay(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    private void OnNotification(string payload)
    {
        if (ChangeMessage.Parse(payload) is not { } message || message.Origin == feed.InstanceId || !feed.MarkSeen(message.EventId))
        {
            return;
        }

        if (message.Full)
        {
            notifier.Publish(message.ToChange());
            return;
        }

        // The listening connection is busy waiting: the change is read on a pooled one.
        _ = Task.Run(async () =>
        {
            try
            {
                foreach (var change in await feed.ReadAsync([message.EventId], CancellationToken.None))
                {
                    notifier.Publish(change);
                }
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A case change from another instance could not be read");
            }
        });
    }

    private async Task ReplayAsync(long since, CancellationToken ct)
    {
        var missed = await feed.MissedSinceAsync(since, ct);
        foreach (var change in missed.Where(c => feed.MarkSeen(c.EventId)))
        {
            notifier.Publish(change);
        }

        logger.LogInformation("Reconnected: {Count} case(s) changed while the listener was away were published again", missed.Count);
    }

    /// <summary>The app's connection, unpooled (a broken listening connection must not go back to a pool) and kept alive.</summary>
    private async Task<string> ListenerConnectionStringAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString())
        {
            Pooling = false,
            ApplicationName = "innovationcases-listener",
        };
        if (builder.KeepAlive == 0)
        {
            builder.KeepAlive = 15;
        }

        return builder.ConnectionString;
    }
}
