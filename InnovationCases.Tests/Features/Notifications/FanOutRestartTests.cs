using InnovationCases.Domain;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Notifications;

/// <summary>A change whose notifications were not fanned out before the app stopped is fanned out by the next start.</summary>
public sealed class FanOutRestartTests
{
    [Fact]
    public async Task Pending_notifications_left_by_a_stopped_app_reach_their_recipients_after_a_restart()
    {
        var folder = TestApp.NewFolder();
        try
        {
            InnovationCase c;
            using (var first = new TestApp(folder: folder))
            {
                first.Settings["Notifications:FanOutInBackground"] = "false";
                c = await Arrange.CaseAsync(first, Stage.Submitted, leadCode: "MBU");
                await MailTestApp.ScreenAsync(first, c);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            using var second = new TestApp(folder: folder);
            // Nothing wakes the second app: its poll finds the row the first one left.
            second.Settings["Notifications:FanOutPollMilliseconds"] = "100";
            var rows = await MailTestApp.OutboxAsync(second, c.Id);
            Assert.Contains(rows, r => r.RecipientEmail == DemoUsers.Mbu);
            Assert.Single(rows, r => r.RecipientEmail == DemoUsers.Mbu);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
        }
    }
}
