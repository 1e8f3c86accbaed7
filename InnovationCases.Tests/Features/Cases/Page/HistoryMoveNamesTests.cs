using Bunit;
using System.Text.RegularExpressions;
using InnovationCases.Domain;
using InnovationCases.Features.Cases.Page;
using InnovationCases.Features.Dashboard;
using InnovationCases.Features.Notifications;
using InnovationCases.Resources;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Cases.Page;

/// <summary>
/// Every place that shows a move in a case's history (the case page's timeline, the dashboard's
/// activity feed, the notifications in Mine sager and by e-mail) names it in Danish, in the same form, and never with
/// the code's trigger name.
/// </summary>
public sealed class HistoryMoveNamesTests : BunitTestContext
{
    private static readonly DateTime At = new(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc);

    public static TheoryData<Trigger> Triggers() => new(Enum.GetValues<Trigger>());

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Every_trigger_has_a_danish_move_name(Trigger trigger)
    {
        Assert.NotEqual(trigger.ToString(), trigger.Move());
        Assert.NotEqual(trigger.Label(), trigger.Move());
    }

    [Theory]
    [MemberData(nameof(Triggers))]
    public void No_history_line_shows_a_trigger_identifier(Trigger trigger)
    {
        var expected = trigger.MoveLine(Stage.Submitted, Stage.Screened);
        var ev = new CaseEvent
        {
            Id = 1, Kind = CaseEventKind.Moved, FromStage = Stage.Submitted, ToStage = Stage.Screened, Trigger = trigger,
            ActorUserId = "c", ActorName = "Sara Lund", At = At,
        };
        var timeline = Render<CaseTimeline>(p => p.Add(x => x.Events, new[] { ev }));
        var feed = Render<ActivityFeed>(p => p.Add(x => x.Items, new[]
        {
            new ActivityItem(1, "INNO-2026-0001", "A", CaseEventKind.Moved, Stage.Submitted, Stage.Screened, trigger, "Sara Lund", At),
        }));
        // Mine sager shows the notification's lines, the same the e-mail carries.
        var notification = MailComposer.ForChange(NotificationKind.CaseMoved, "INNO-2026-0001", "A", ev, "https://innovation.test");

        foreach (var line in new[] { timeline.Find("[data-event]").TextContent, feed.Find("li").TextContent, notification.Detail, notification.Text })
        {
            Assert.Contains(expected, line);
            Assert.DoesNotMatch(IdentifierPattern, line);
        }
    }

    [Fact]
    public void A_move_reads_as_its_danish_name_then_from_and_to()
    {
        Assert.Equal("Screenet (Indsendt → Screenet)", Trigger.Screen.MoveLine(Stage.Submitted, Stage.Screened));
        Assert.Equal("Sendt tilbage (Screenet → Indsendt)", Trigger.SendBack.MoveLine(Stage.Screened, Stage.Submitted));
    }

    // Any trigger's identifier as a whole word ("Screen", "SendBack"), which a Danish name never is.
    private static readonly Regex IdentifierPattern = new(@"\b(" + string.Join("|", Enum.GetNames<Trigger>()) + @")\b");
}
