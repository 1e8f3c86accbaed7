using InnovationCases.Domain;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Notifications;

/// <summary>"Fra" keeps the in-app notification and sends no mail; two app instances on one database send each message once.</summary>
public sealed class InAppOnlyAndTwoDispatchersTests
{
    [Fact]
    public async Task Choosing_fra_still_shows_the_notification_in_the_app_but_sends_no_email()
    {
        await using var smtp = new SmtpTestServer();
        using var app = MailTestApp.Create(smtp.Port);
        var quiet = await MailTestApp.AddStaffAsync(app, "MBU", $"stille-{Guid.NewGuid():N}@aarhus.example");
        Assert.Null(await app.AppServices.GetRequiredService<NotificationSettingsService>()
            .SaveAsync(quiet.ToActor(), [new(NotificationKind.CaseMoved, NotificationDelivery.Off)]));
        var c = await Arrange.CaseAsync(app, Stage.Submitted, leadCode: "MBU");

        await MailTestApp.ScreenAsync(app, c);

        // The colleague with the default choice gets the e-mail: once it is sent, the dispatcher has had its chance.
        await Eventually.WaitAsync(async () => (await MailTestApp.OutboxAsync(app, c.Id)).Single(m => m.RecipientEmail == DemoUsers.Mbu).Status == OutboxStatus.Sent,
            "the colleague's e-mail sent");
        Assert.Contains(smtp.Received, m => m.To.Mailboxes.Any(x => x.Address == DemoUsers.Mbu) && (m.Subject ?? "").StartsWith(c.CaseNumber));
        Assert.DoesNotContain(smtp.Received, m => m.To.Mailboxes.Any(x => x.Address == quiet.Email));
        var row = Assert.Single(await MailTestApp.OutboxAsync(app, c.Id), m => m.RecipientUserId == quiet.Id);
        Assert.Equal(OutboxStatus.InAppOnly, row.Status);
        var shown = Assert.Single((await app.AppServices.GetRequiredService<NotificationInbox>().PageAsync(quiet.ToActor())).Items, n => n.CaseNumber == c.CaseNumber);
        Assert.True(shown.IsUnread);
    }

    [Fact]
    public async Task Two_app_instances_dispatching_from_one_database_at_once_deliver_each_message_exactly_once()
    {
        var folder = TestApp.NewFolder();
        try
        {
            await using var smtp = new SmtpTestServer(start: false);
            using var first = MailTestApp.Create(smtp.Port, folder);
            using var second = MailTestApp.Create(smtp.Port, folder);
            first.Settings["Mail:BatchSize"] = "5";
            second.Settings["Mail:BatchSize"] = "5";
            var numbers = new List<string>();
            for (var i = 0; i < 20; i++)
            {
                var c = await Arrange.CaseAsync(first, Stage.Submitted, leadCode: "MBU", partnerCodes: ["MSO"]);
                await MailTestApp.ScreenAsync(first, c);
                numbers.Add(c.CaseNumber);
            }

            Assert.NotNull(second.AppServices); // both hosts run their dispatcher on the same file
            var total = numbers.Count * 2;
            smtp.Start();
            await using (var db = await first.DbAsync())
            {
                await Eventually.WaitAsync(async () => await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Sent) == total, "every row marked sent");
            }

            var received = smtp.Received;
            Assert.Equal(total, received.Count);
            Assert.Equal(total, received.Select(m => m.MessageId).Distinct().Count());
            Assert.All(numbers, n => Assert.Equal(2, received.Count(m => (m.Subject ?? "").StartsWith(n))));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
        }
    }
}
