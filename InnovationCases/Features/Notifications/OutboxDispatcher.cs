using InnovationCases.Data;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// Sends what the outbox holds. Each batch is claimed with one conditional update (status Sending,
/// a claim token and a lease; safe with several app instances), each message is marked Sent right after the server accepted it, and a stop finishes the
/// message in flight and hands the rest of the batch back: a restart sends nothing twice. The one
/// window left is a hard crash between the server's acceptance and the mark: after the lease runs
/// out that one message is sent again, with the same Message-ID (at least once, never lost).
/// A server that cannot be reached costs the messages nothing (they wait, however long it is
/// down); a message the server refuses for good (an unknown recipient) is parked at once, one that
/// keeps failing after <see cref="MailOptions.MaxAttempts"/> attempts with growing waits.
/// </summary>
public sealed class OutboxDispatcher(DbWriter writer, MailSender sender, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Sends one batch; returns how many were sent, or null when the mail server could not be reached.</summary>
    public async Task<int?> DispatchOnceAsync(CancellationToken stopping)
    {
        var o = options.Value;
        if (o.Mode == MailMode.Off)
        {
            return 0;
        }

        var batch = await ClaimAsync(o, stopping);
        if (batch.Count == 0)
        {
            return 0;
        }

        IMailConnection connection;
        try
        {
            connection = await sender.OpenAsync(stopping);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            logger.LogWarning("The mail server could not be reached ({Error}); {Count} message(s) wait", e.Message, batch.Count);
            await ReleaseAsync(batch, e.Message);
            return null;
        }
        catch (OperationCanceledException)
        {
            await ReleaseAsync(batch, null);
            return 0;
        }

        var sent = 0;
        var done = new HashSet<long>();
        await using (connection)
        {
            foreach (var m in batch)
            {
                if (stopping.IsCancellationRequested)
                {
                    break;
                }

                // The message in flight is finished even when the app stops: cancelling inside DATA
                // would leave it unknown whether the server took it.
                var outcome = await TrySendAsync(connection, m);
                done.Add(m.Id);
                await MarkAsync(m, outcome, o);
                if (outcome.Sent)
                {
                    sent++;
                }
                else if (outcome.ConnectionLost)
                {
                    break;
                }
            }
        }

        var rest = batch.Where(m => !done.Contains(m.Id)).ToList();
        if (rest.Count > 0)
        {
            await ReleaseAsync(rest, null);
        }

        return sent;
    }

    /// <summary>
    /// Claims the next batch with one conditional UPDATE (a fresh token and a lease on the rows that
    /// are still claimable) and reads back what carries the token. Two dispatchers claiming at once,
    /// in two processes, on any provider: the database serializes the updates and re-checks the
    /// condition, so each row goes to one token only; the second one's read finds the rest or nothing.
    /// </summary>
    private Task<List<OutboxMessage>> ClaimAsync(MailOptions o, CancellationToken ct) => writer.WriteAsync(DbFiles.Notifications, async db =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = now.AddSeconds(o.ClaimSeconds);
        var token = NotificationBody.NewId();
        var next = db.Outbox.Where(Claimable(now)).OrderBy(m => m.Id).Take(o.BatchSize).Select(m => m.Id);
        var claimed = await db.Outbox.Where(Claimable(now)).Where(m => next.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimedUntil, lease).SetProperty(m => m.ClaimToken, token), ct);
        if (claimed == 0)
        {
            return [];
        }

        return await db.Outbox.AsNoTracking().Include(m => m.Body).Where(m => m.ClaimToken == token && m.Status == OutboxStatus.Sending)
            .OrderBy(m => m.Id).ToListAsync(ct);
    }, ct);

    /// <summary>What a dispatcher may claim now: due, or claimed by one whose lease ran out (the index on (Status, NextAttemptAt) serves it).</summary>
    internal static System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> Claimable(DateTime now) =>
        m => (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.ClaimedUntil < now);

    private async Task<Outcome> TrySendAsync(IMailConnection connection, OutboxMessage m)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await connection.SendAsync(m, timeout.Token);
            return Outcome.Delivered;
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            logger.LogWarning("The mail server refused message {Id}: {Error}", m.Id, e.Message);
            return new Outcome(false, Permanent: true, ConnectionLost: false, e.Message);
        }
        catch (ParseException e)
        {
            return new Outcome(false, Permanent: true, ConnectionLost: false, e.Message);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or MailKit.ServiceNotConnectedException or IOException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            logger.LogWarning("Message {Id} failed and will be retried: {Error}", m.Id, e.Message);
            return new Outcome(false, Permanent: false, ConnectionLost: e is not SmtpCommandException, e.Message);
        }
    }

    /// <summary>Records how the attempt went, if the row is still this dispatcher's claim (a lease that ran out may have passed it on).</summary>
    private Task MarkAsync(OutboxMessage m, Outcome outcome, MailOptions o) => writer.WriteAsync(DbFiles.Notifications, async db =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = db.Outbox.Where(x => x.Id == m.Id && x.ClaimToken == m.ClaimToken && x.Status == OutboxStatus.Sending);
        if (outcome.Sent)
        {
            return await mine.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, OutboxStatus.Sent).SetProperty(x => x.SentAt, now)
                .SetProperty(x => x.ClaimedUntil, (DateTime?)null).SetProperty(x => x.ClaimToken, (string?)null));
        }

        var attempts = m.Attempts + 1;
        var park = outcome.Permanent || attempts >= o.MaxAttempts;
        return await mine.ExecuteUpdateAsync(s => s.SetProperty(x => x.Attempts, attempts).SetProperty(x => x.LastError, Cut(outcome.Error))
            .SetProperty(x => x.Status, park ? OutboxStatus.Parked : OutboxStatus.Pending).SetProperty(x => x.NextAttemptAt, now + Backoff(o, attempts))
            .SetProperty(x => x.ClaimedUntil, (DateTime?)null).SetProperty(x => x.ClaimToken, (string?)null));
    });

    /// <summary>Hands claimed messages back unsent; an unreachable server is not the messages' fault, so no attempt is counted.</summary>
    private Task ReleaseAsync(IReadOnlyList<OutboxMessage> batch, string? error)
    {
        var ids = batch.Select(m => m.Id).ToList();
        var token = batch[0].ClaimToken;
        var cut = Cut(error);
        return writer.WriteAsync(DbFiles.Notifications, async db =>
        {
            var mine = db.Outbox.Where(m => ids.Contains(m.Id) && m.ClaimToken == token && m.Status == OutboxStatus.Sending);
            return cut is null
                ? await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.ClaimToken, (string?)null))
                : await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.ClaimToken, (string?)null)
                    .SetProperty(m => m.LastError, cut));
        });
    }

    public static TimeSpan Backoff(MailOptions o, int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, o.RetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1))));

    private static string? Cut(string? s) => s is { Length: > 1000 } ? s[..1000] : s;

    private sealed record Outcome(bool Sent, bool Permanent, bool ConnectionLost, string? Error)
    {
        public static readonly Outcome Delivered = new(true, false, false, null);
    }
}
