using InnovationCases.Domain;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Support;
using MimeKit;

namespace InnovationCases.Tests.Features.Notifications;

/// <summary>Pickup mode (the Development default): each message is an .eml file, so no mail server is needed.</summary>
public sealed class PickupModeTests
{
    [Fact]
    public async Task Pickup_mode_writes_each_message_as_an_eml_file()
    {
        var folder = Path.Combine(TestApp.NewFolder(), "mail");
        using var app = new TestApp();
        app.Settings["Mail:Mode"] = nameof(MailMode.Pickup);
        app.Settings["Mail:PickupDirectory"] = folder;
        app.Settings["Mail:PollMilliseconds"] = "50";
        var c = await Arrange.CaseAsync(app, Stage.Submitted, leadCode: "MSO");

        await MailTestApp.ScreenAsync(app, c);
        await Eventually.WaitAsync(async () => (await MailTestApp.OutboxAsync(app, c.Id)) is { Count: > 0 } rows && rows.All(r => r.Status == OutboxStatus.Sent), "the message written");

        var row = Assert.Single(await MailTestApp.OutboxAsync(app, c.Id));
        var file = Path.Combine(folder, $"{row.Id:D10}.eml");
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(DemoUsers.Mso, message.To.Mailboxes.Single().Address);
        Assert.StartsWith(c.CaseNumber, message.Subject);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }
}
