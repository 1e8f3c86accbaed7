using InnovationCases.Data;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// Sends what the outbox holds. Each batch is claimed in one transaction (status Sending with a
/// lease), each message is marked Sent right after the server accepted it, and a stop finishes the
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
            await ReleaseAsync(batch.Select(m => m.Id), e.Message);
            return null;
        }
        catch (OperationCanceledException)
        {
            await ReleaseAsync(batch.Select(m => m.Id), null);
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
                await MarkAsync(m.Id, outcome, o);
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

        var rest = batch.Where(m => !done.Contains(m.Id)).Select(m => m.Id).ToList();
        if (rest.Count > 0)
        {
            await ReleaseAsync(rest, null);
        }

        return sent;
    }

    private Task<List<OutboxMessage>> ClaimAsync(MailOptions o, CancellationToken ct) => writer.WriteAsync(async db =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Outbox
            .Where(m => (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Take(o.BatchSize).ToListAsync(ct);
        foreach (var m in due)
        {
            m.Status = OutboxStatus.Sending;
            m.ClaimedUntil = now.AddSeconds(o.ClaimSeconds);
        }

        await db.SaveChangesAsync(ct);
        return due;
    }, ct);

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

    private Task MarkAsync(long id, Outcome outcome, MailOptions o) => writer.WriteAsync(async db =>
    {
        var m = await db.Outbox.SingleAsync(x => x.Id == id);
        var now = clock.GetUtcNow().UtcDateTime;
        m.ClaimedUntil = null;
        if (outcome.Sent)
        {
            m.Status = OutboxStatus.Sent;
            m.SentAt = now;
        }
        else
        {
            m.Attempts++;
            m.LastError = Cut(outcome.Error);
            var park = outcome.Permanent || m.Attempts >= o.MaxAttempts;
            m.Status = park ? OutboxStatus.Parked : OutboxStatus.Pending;
            m.NextAttemptAt = now + Backoff(o, m.Attempts);
        }

        await db.SaveChangesAsync();
        return 0;
    });

    /// <summary>Hands claimed messages back unsent; an unreachable server is not the messages' fault, so no attempt is counted.</summary>
    private Task ReleaseAsync(IEnumerable<long> ids, string? error)
    {
        var list = ids.ToList();
        return writer.WriteAsync(async db =>
        {
            var rows = await db.Outbox.Where(m => list.Contains(m.Id) && m.Status == OutboxStatus.Sending).ToListAsync();
            foreach (var m in rows)
            {
                m.Status = OutboxStatus.Pending;
                m.ClaimedUntil = null;
                m.LastError = error is null ? m.LastError : Cut(error);
            }

            await db.SaveChangesAsync();
            return 0;
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
