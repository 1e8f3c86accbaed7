using InnovationCases.Domain;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace InnovationCases.Tests.Features.Notifications;

/// <summary>The outbox delivered through a real SMTP server in the test process: no mock of the sender.</summary>
public sealed class MailDeliveryTests
{
    [Fact]
    public async Task A_move_sends_one_email_to_each_staff_member_of_the_lead_and_partner_departments_and_none_to_others()
    {
        await using var smtp = new SmtpTestServer();
        using var app = MailTestApp.Create(smtp.Port);
        var extra = await MailTestApp.AddStaffAsync(app, "MBU", "mbu2@aarhus.example");
        var outsider = await MailTestApp.AddStaffAsync(app, "MTM", "mtm@aarhus.example");
        var c = await Arrange.CaseAsync(app, Stage.Submitted, leadCode: "MBU", partnerCodes: ["MSO"]);

        await MailTestApp.ScreenAsync(app, c);
        await WaitAllSentAsync(app, c.Id);

        var mine = smtp.Received.Where(m => Subject(m).StartsWith(c.CaseNumber)).ToList();
        Assert.Equal(new[] { DemoUsers.Mbu, DemoUsers.Mso, extra.Email! }.Order(), mine.Select(To).Order());
        Assert.DoesNotContain(smtp.Received, m => To(m) == outsider.Email || To(m) == DemoUsers.Caseworker);
        var link = $"{MailTestApp.BaseUrl}/cases/{c.CaseNumber}";
        Assert.All(mine, m =>
        {
            Assert.Equal($"{c.CaseNumber} {c.Title}: flyttet til Screenet", m.Subject);
            Assert.Contains(link, m.TextBody);
            Assert.Contains($"href=\"{link}\"", m.HtmlBody);
            Assert.Contains("Screenet (Indsendt → Screenet)", m.TextBody);
        });
    }

    [Fact]
    public async Task A_server_that_is_down_loses_nothing_and_each_message_arrives_once_when_it_is_back()
    {
        await using var smtp = new SmtpTestServer(start: false);
        using var app = MailTestApp.Create(smtp.Port);
        var c = await Arrange.CaseAsync(app, Stage.Submitted, leadCode: "MBU", partnerCodes: ["MSO"]);

        await MailTestApp.ScreenAsync(app, c);
        await Eventually.WaitAsync(async () => (await MailTestApp.OutboxAsync(app, c.Id)).All(m => m.LastError is not null), "the dispatcher tried and failed");
        var waiting = await MailTestApp.OutboxAsync(app, c.Id);
        Assert.Equal(2, waiting.Count);
        // Still waiting: the dispatcher keeps trying while the server is down, so a row may be
        // claimed (Sending) at the moment it is read; it must not be sent, parked or charged an attempt.
        Assert.All(waiting, m => Assert.Contains(m.Status, new[] { OutboxStatus.Pending, OutboxStatus.Sending }));
        Assert.All(waiting, m => Assert.Equal(0, m.Attempts));
        Assert.Empty(smtp.Received);

        smtp.Start();
        await WaitAllSentAsync(app, c.Id);

        var mine = smtp.Received.Where(m => Subject(m).StartsWith(c.CaseNumber)).ToList();
        Assert.Equal(new[] { DemoUsers.Mbu, DemoUsers.Mso }.Order(), mine.Select(To).Order());
    }

    [Fact]
    public async Task Stopping_the_app_mid_batch_and_starting_again_loses_nothing_and_sends_nothing_twice()
    {
        var folder = TestApp.NewFolder();
        try
        {
            await using var smtp = new SmtpTestServer(start: false);
            var numbers = new List<string>();
            int total;
            using (var first = MailTestApp.Create(smtp.Port, folder))
            {
                for (var i = 0; i < 25; i++)
                {
                    var c = await Arrange.CaseAsync(first, Stage.Submitted, leadCode: "MBU", partnerCodes: ["MSO"]);
                    await MailTestApp.ScreenAsync(first, c);
                    numbers.Add(c.CaseNumber);
                }

                total = numbers.Count * 2;
                smtp.Start();
                await Eventually.WaitAsync(() => smtp.Received.Count >= 3, "the first messages of the batch");
            }

            var beforeRestart = smtp.Received.Count;
            Assert.True(beforeRestart < total, "the stop came before the batch was done");

            using var second = MailTestApp.Create(smtp.Port, folder);
            Assert.NotNull(second.AppServices); // starts the second app and its dispatcher
            await Eventually.WaitAsync(() => smtp.Received.Count >= total, "the rest after the restart");
            await using (var db = await second.DbAsync())
            {
                await Eventually.WaitAsync(() => Task.FromResult(db.Outbox.Count(m => m.Status == OutboxStatus.Sent) == total), "every row marked sent");
            }

            var received = smtp.Received;
            Assert.Equal(total, received.Count);
            Assert.Equal(total, received.Select(m => m.MessageId).Distinct().Count());
            Assert.All(numbers, n => Assert.Equal(2, received.Count(m => Subject(m).StartsWith(n))));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
        }
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_is_parked_for_the_admin_who_resends_it_with_an_audit_entry()
    {
        await using var smtp = new SmtpTestServer();
        using var app = MailTestApp.Create(smtp.Port);
        var refused = await MailTestApp.AddStaffAsync(app, "MKB", "ukendt@aarhus.example");
        smtp.Refuse(refused.Email!);
        var c = await Arrange.CaseAsync(app, Stage.Submitted, leadCode: "MKB");

        await MailTestApp.ScreenAsync(app, c);
        await Eventually.WaitAsync(async () => (await MailTestApp.OutboxAsync(app, c.Id)).Any(m => m.Status == OutboxStatus.Parked), "the refused message parked");

        var admin = await app.ActorAsync(DemoUsers.Admin);
        var mail = app.AppServices.GetRequiredService<MailAdminService>();
        var parked = Assert.Single(await mail.GetParkedAsync(admin), p => p.Recipient == refused.Email);
        Assert.Equal(1, parked.Attempts);
        Assert.False((await mail.ResendAsync(await app.ActorAsync(DemoUsers.Caseworker), parked.Id)).Succeeded);

        smtp.Accept(refused.Email!);
        Assert.True((await mail.ResendAsync(admin, parked.Id)).Succeeded);
        await WaitAllSentAsync(app, c.Id);

        Assert.Single(smtp.Received, m => To(m) == refused.Email);
        await using var db = await app.DbAsync();
        Assert.Single(db.AdminAudit.Where(a => a.Entity == "Mail" && a.EntityKey == parked.Id.ToString()));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_parked_after_the_configured_attempts()
    {
        await using var smtp = new SmtpTestServer { FailTransiently = true };
        using var app = MailTestApp.Create(smtp.Port, maxAttempts: 3);
        var c = await Arrange.CaseAsync(app, Stage.Submitted, leadCode: "MBU");

        await MailTestApp.ScreenAsync(app, c);
        await Eventually.WaitAsync(async () => (await MailTestApp.OutboxAsync(app, c.Id)).All(m => m.Status == OutboxStatus.Parked), "parked after three attempts");

        Assert.All(await MailTestApp.OutboxAsync(app, c.Id), m => Assert.Equal(3, m.Attempts));
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task A_newline_in_a_case_title_cannot_add_a_header()
    {
        await using var smtp = new SmtpTestServer();
        using var app = MailTestApp.Create(smtp.Port);
        var c = await Arrange.CaseAsync(app, Stage.Submitted, leadCode: "MBU",
            configure: x => x.Title = "Projekt\r\nBcc: angriber@evil.example\r\nX-Injected: ja");

        await MailTestApp.ScreenAsync(app, c);
        await WaitAllSentAsync(app, c.Id);

        var m = Assert.Single(smtp.Received, m => Subject(m).StartsWith(c.CaseNumber));
        Assert.DoesNotContain("\n", Subject(m));
        Assert.Empty(m.Bcc);
        Assert.Null(m.Headers["X-Injected"]);
        Assert.Equal([DemoUsers.Mbu], m.To.Mailboxes.Select(x => x.Address));
        Assert.Contains("Bcc: angriber@evil.example", Subject(m));
    }

    private static string Subject(MimeMessage m) => m.Subject ?? "";

    private static string To(MimeMessage m) => m.To.Mailboxes.Single().Address;

    private static Task WaitAllSentAsync(TestApp app, int caseId) =>
        Eventually.WaitAsync(async () => await MailTestApp.OutboxAsync(app, caseId) is { Count: > 0 } rows && rows.All(r => r.Status == OutboxStatus.Sent), "every message sent");
}
