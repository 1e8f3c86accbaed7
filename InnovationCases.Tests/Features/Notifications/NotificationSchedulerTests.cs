using InnovationCases.Domain;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Notifications;

/// <summary>The daily run: keyed reminders created once however often it runs, and one digest per reader.</summary>
public sealed class NotificationSchedulerTests
{
    [Fact]
    public async Task Running_the_scheduler_twice_for_the_same_day_creates_each_reminder_once()
    {
        using var app = new TestApp();
        await Arrange.CaseAsync(app, Stage.Submitted, configure: x => x.StageChangedAt = DateTime.UtcNow.AddDays(-100));
        var eager = await MailTestApp.AddStaffAsync(app, "BA", "sagsbehandler2@aarhus.example", Role.Caseworker);
        var settings = app.AppServices.GetRequiredService<NotificationSettingsService>();
        Assert.Null(await settings.SaveAsync(eager.ToActor(), [new(NotificationKind.StaleCases, NotificationDelivery.Immediately)]));
        var scheduler = app.AppServices.GetRequiredService<NotificationScheduler>();
        var now = DateTime.UtcNow;

        var first = await scheduler.RunAsync(now);
        var second = await scheduler.RunAsync(now.AddMinutes(1));

        Assert.True(first >= 2);
        Assert.Equal(0, second);
        await using var db = await app.DbAsync();
        var stale = await db.Outbox.Include(m => m.Body).Where(m => m.Kind == NotificationKind.StaleCases).ToListAsync();
        var caseworker = await app.ActorAsync(DemoUsers.Caseworker);
        Assert.Equal(OutboxStatus.Digested, Assert.Single(stale, m => m.RecipientUserId == caseworker.UserId).Status);
        var direct = Assert.Single(stale, m => m.RecipientUserId == eager.Id);
        Assert.Equal(OutboxStatus.Pending, direct.Status);
        Assert.Contains("overskredet fristen", direct.Body!.Subject);
        Assert.Single(await db.Outbox.Where(m => m.Kind == NotificationKind.Digest && m.RecipientUserId == caseworker.UserId).ToListAsync());
    }

    [Fact]
    public async Task The_digest_collects_a_days_changes_into_one_email()
    {
        await using var smtp = new SmtpTestServer();
        using var app = MailTestApp.Create(smtp.Port);
        var reader = await MailTestApp.AddStaffAsync(app, "MSB", "opsamling@aarhus.example");
        var settings = app.AppServices.GetRequiredService<NotificationSettingsService>();
        // The fail-fast flag on the demo data's running projects would come at once: off, so the digest is the one e-mail.
        Assert.Null(await settings.SaveAsync(reader.ToActor(), [new(NotificationKind.CaseMoved, NotificationDelivery.DailyDigest), new(NotificationKind.FailFastFlag, NotificationDelivery.Off)]));
        var a = await Arrange.CaseAsync(app, Stage.Submitted, leadCode: "MSB");
        var b = await Arrange.CaseAsync(app, Stage.Submitted, leadCode: "MSB");
        await MailTestApp.ScreenAsync(app, a);
        await MailTestApp.ScreenAsync(app, b);
        await MailTestApp.FannedOutAsync(app);

        var scheduler = app.AppServices.GetRequiredService<NotificationScheduler>();
        await scheduler.RunAsync(DateTime.UtcNow);
        await scheduler.RunAsync(DateTime.UtcNow);
        await Eventually.WaitAsync(() => smtp.Received.Any(m => m.To.Mailboxes.Any(x => x.Address == reader.Email)), "the digest");

        var digest = Assert.Single(smtp.Received, m => m.To.Mailboxes.Any(x => x.Address == reader.Email));
        Assert.StartsWith("Daglig opsamling", digest.Subject);
        Assert.Contains(a.CaseNumber, digest.TextBody);
        Assert.Contains(b.CaseNumber, digest.TextBody);
        await using var db = await app.DbAsync();
        var rows = await db.Outbox.Where(m => m.RecipientUserId == reader.Id && m.Kind == NotificationKind.CaseMoved).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Digested, r.Status));
    }
}
