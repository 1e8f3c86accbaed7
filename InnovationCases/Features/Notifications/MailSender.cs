using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// Delivers composed messages: an SMTP connection kept open for a batch (MailKit), or one
/// <c>.eml</c> file per message in the pickup folder. Opened per batch by the dispatcher.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, IHostEnvironment env)
{
    public async Task<IMailConnection> OpenAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (o.Mode == MailMode.Pickup)
        {
            var folder = Path.IsPathRooted(o.PickupDirectory) ? o.PickupDirectory : Path.Combine(env.ContentRootPath, o.PickupDirectory);
            Directory.CreateDirectory(folder);
            return new PickupConnection(o, folder);
        }

        var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(o.Host, o.Port, o.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(o.User))
            {
                await client.AuthenticateAsync(o.User, o.Password, ct);
            }

            return new SmtpConnection(o, client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static MimeMessage Build(MailOptions o, OutboxMessage m)
    {
        var body = m.Body ?? throw new InvalidOperationException($"Outbox message {m.Id} was read without its text.");
        var message = new MimeMessage { MessageId = m.MessageId(o.MessageIdHost), Subject = MailComposer.OneLine(body.Subject) };
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        // An in-app-only row is never claimed; a row without an address here is a parse error, which parks it.
        message.To.Add(MailboxAddress.Parse(m.RecipientEmail ?? ""));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = body.TextBody, HtmlBody = body.HtmlBody }.ToMessageBody();
        return message;
    }

    private sealed class SmtpConnection(MailOptions o, SmtpClient client) : IMailConnection
    {
        public async Task SendAsync(OutboxMessage m, CancellationToken ct) => await client.SendAsync(Build(o, m), ct);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // The messages are already marked; a failed QUIT changes nothing.
            }

            client.Dispose();
        }
    }

    private sealed class PickupConnection(MailOptions o, string folder) : IMailConnection
    {
        public async Task SendAsync(OutboxMessage m, CancellationToken ct)
        {
            // Written under a temporary name and renamed: a reader of the folder never sees half a message.
            var path = Path.Combine(folder, $"{m.Id:D10}.eml");
            var temp = path + ".tmp";
            await Build(o, m).WriteToAsync(temp, ct);
            File.Move(temp, path, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
