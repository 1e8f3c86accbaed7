using Bunit;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Account;
using InnovationCases.Features.Live;
using InnovationCases.Features.Moves;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Notifications;

/// <summary>The notification list of Mine sager and Mine vurderinger, rendered over the real services.</summary>
public sealed class MyNotificationsTests : BunitTestContext, IClassFixture<CasesAppFixture>
{
    private readonly TestApp _app;

    public MyNotificationsTests(CasesAppFixture fixture)
    {
        _app = fixture.App;
        var app = _app.AppServices;
        Services.AddSingleton(app.GetRequiredService<IDbContextFactory<AppDbContext>>());
        Services.AddSingleton(app.GetRequiredService<NotificationInbox>());
        Services.AddSingleton(app.GetRequiredService<CaseChangeNotifier>());
        Services.AddSingleton(app.GetRequiredService<NotificationFanOut>());
        Services.AddScoped<CurrentActor>();
    }

    [Fact]
    public async Task A_move_appears_live_as_an_unread_notification_with_the_emails_text_and_link_and_is_marked_read()
    {
        await SignInAsync(_app, DemoUsers.Mbu);
        var list = Render<MyNotifications>();
        var c = await Arrange.CaseAsync(_app, Stage.Submitted, leadCode: "MBU");

        // The page is open when the case moves: the fan-out writes the row after the commit and tells the page.
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);
        Assert.IsType<MoveResult.Moved>(await _app.AppServices.GetRequiredService<CaseWorkflowService>().FireAsync(c.CaseNumber, new ScreenData(), caseworker, c.Version));

        var item = list.WaitForElement($"[data-notification='{c.CaseNumber}']", TimeSpan.FromSeconds(10));
        Assert.Equal("true", item.GetAttribute("data-unread"));
        Assert.Contains("Screenet (Indsendt → Screenet)", item.TextContent);
        Assert.Equal($"cases/{c.CaseNumber}", item.QuerySelector("a")!.GetAttribute("href"));

        item.QuerySelector("[data-action=mark-one-read]")!.Click();

        list.WaitForAssertion(() => Assert.Equal("false", list.Find($"[data-notification='{c.CaseNumber}']").GetAttribute("data-unread")));
        await using var db = await _app.DbAsync();
        var mbu = await _app.ActorAsync(DemoUsers.Mbu);
        Assert.NotNull((await db.Outbox.SingleAsync(m => m.CaseId == c.Id && m.RecipientUserId == mbu.UserId)).ReadAt);
    }
}
