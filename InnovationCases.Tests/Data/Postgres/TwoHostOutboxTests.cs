using System.Globalization;
using InnovationCases.Data;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Features.Notifications;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Data.Postgres;

/// <summary>Two real hosts on one PostgreSQL database, both dispatching the outbox to one mail server.</summary>
public sealed class TwoHostOutboxTests
{
    private const int Messages = 40;

    [Fact]
    public async Task Each_outbox_message_is_sent_once_when_both_instances_dispatch()
    {
        await using var smtp = new SmtpTestServer();
        using var a = Mailing(new TestApp(demoData: false, provider: DatabaseProvider.Postgres), smtp.Port);
        a.StartKestrel();
        using var b = Mailing(new TestApp(demoData: false, provider: DatabaseProvider.Postgres), smtp.Port);
        b.Settings["ConnectionStrings:Cases"] = a.PostgresConnectionString;
        b.StartKestrel();

        await using (var db = await a.DbAsync())
        {
            var now = DateTime.UtcNow;
            for (var i = 0; i < Messages; i++)
            {
                db.Outbox.Add(Outbox.Row("u" + i, $"modtager{i}@aarhus.example", NotificationKind.CaseMoved, null,
                    NotificationBody.From(new MailContent("Besked " + i.ToString(CultureInfo.InvariantCulture), "tekst", "<p>tekst</p>", "linje", "tekst", "my-cases")), now, NotificationDelivery.Immediately));
            }

            // One commit: both dispatchers see the whole batch at the same moment and race for it.
            await db.SaveChangesAsync();
        }

        await Eventually.WaitAsync(async () =>
        {
            await using var db = await a.DbAsync();
            return await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Sent) == Messages;
        }, "every message to be sent");

        var subjects = smtp.Received.Select(m => m.Subject).ToList();
        Assert.Equal(Messages, subjects.Count);
        Assert.Equal(Messages, subjects.Distinct().Count());
    }

    private static TestApp Mailing(TestApp app, int port)
    {
        app.Settings["Mail:Mode"] = nameof(MailMode.Smtp);
        app.Settings["Mail:Host"] = "127.0.0.1";
        app.Settings["Mail:Port"] = port.ToString(CultureInfo.InvariantCulture);
        app.Settings["Mail:StartTls"] = "false";
        app.Settings["Mail:PollMilliseconds"] = "20";
        app.Settings["Mail:RetrySeconds"] = "0";
        app.Settings["Mail:BatchSize"] = "5";
        app.Settings["App:PublicBaseUrl"] = MailTestApp.BaseUrl;
        return app;
    }
}
