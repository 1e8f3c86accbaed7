using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Moves;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Notifications;

/// <summary>The in-app notifications are the outbox rows: each user reads and marks only their own.</summary>
public sealed class NotificationInboxTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private NotificationInbox Inbox => App.AppServices.GetRequiredService<NotificationInbox>();

    [Fact]
    public async Task A_send_back_is_a_notification_with_its_reason_for_the_departments_staff_until_marked_read()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU");
        var mbu = await App.ActorAsync(DemoUsers.Mbu);
        await FireAsync(c, new SendBackData("Uddyb gevinsten."), DemoUsers.Caseworker);

        var n = Assert.Single((await Inbox.PageAsync(mbu)).Items, x => x.CaseNumber == c.CaseNumber);
        Assert.True(n.IsUnread);
        Assert.Contains("Sendt tilbage (Screenet → Indsendt)", n.Detail);
        Assert.Contains("Begrundelse: Uddyb gevinsten.", n.Detail);
        Assert.StartsWith($"{c.CaseNumber} {c.Title}", n.Subject);
        Assert.Equal($"cases/{c.CaseNumber}", n.LinkPath);
        Assert.DoesNotContain((await Inbox.PageAsync(await App.ActorAsync(DemoUsers.Mso))).Items, x => x.CaseNumber == c.CaseNumber);

        Assert.Equal(1, await Inbox.MarkReadAsync(mbu, n.Id));
        var after = Assert.Single((await Inbox.PageAsync(mbu)).Items, x => x.CaseNumber == c.CaseNumber);
        Assert.False(after.IsUnread);
    }

    [Fact]
    public async Task A_user_neither_reads_nor_marks_another_users_notification()
    {
        var c = await Arrange.CaseAsync(App, Stage.Submitted, leadCode: "MBU");
        await FireAsync(c, new ScreenData(), DemoUsers.Caseworker);
        var mbu = await App.ActorAsync(DemoUsers.Mbu);
        var theirs = Assert.Single((await Inbox.PageAsync(mbu)).Items, x => x.CaseNumber == c.CaseNumber);

        foreach (var other in new[] { DemoUsers.Mso, DemoUsers.Caseworker, DemoUsers.Director })
        {
            var actor = await App.ActorAsync(other);
            Assert.Equal(0, await Inbox.MarkReadAsync(actor, theirs.Id));
            Assert.DoesNotContain((await Inbox.PageAsync(actor)).Items, x => x.Id == theirs.Id);
        }

        await using var db = await App.DbAsync();
        Assert.Null((await db.Outbox.SingleAsync(m => m.Id == theirs.Id)).ReadAt);
    }

    [Fact]
    public async Task The_caseworker_who_registered_a_case_is_told_in_app_when_someone_else_moves_it_without_an_email()
    {
        var c = await Arrange.CaseAsync(App, Stage.Submitted, leadCode: "MBU");
        var registrar = await App.ActorAsync(DemoUsers.Caseworker);
        await using (var db = await App.DbAsync())
        {
            await db.Cases.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedByUserId, registrar.UserId));
        }

        var colleague = await MailTestApp.AddStaffAsync(App, "BA", $"kollega-{Guid.NewGuid():N}@aarhus.example", Role.Caseworker);
        var moved = await App.AppServices.GetRequiredService<CaseWorkflowService>().FireAsync(c.CaseNumber, new ScreenData(), colleague.ToActor(), c.Version);
        Assert.IsType<MoveResult.Moved>(moved);
        await MailTestApp.FannedOutAsync(App);

        var n = Assert.Single((await Inbox.PageAsync(registrar)).Items, x => x.CaseNumber == c.CaseNumber);
        Assert.Equal(NotificationKind.CaseMoved, n.Kind);
        var row = Assert.Single(await MailTestApp.OutboxAsync(App, c.Id), r => r.RecipientUserId == registrar.UserId);
        Assert.Equal(OutboxStatus.InAppOnly, row.Status);
        Assert.DoesNotContain(await MailTestApp.OutboxAsync(App, c.Id), r => r.RecipientUserId == colleague.Id);
    }

    [Fact]
    public async Task The_list_is_newest_first_and_paged()
    {
        var mso = await App.ActorAsync(DemoUsers.Mso);
        for (var i = 0; i < NotificationInbox.PageSize + 2; i++)
        {
            var c = await Arrange.CaseAsync(App, Stage.Submitted, leadCode: "MSO");
            await FireAsync(c, new ScreenData(), DemoUsers.Caseworker);
        }

        var first = await Inbox.PageAsync(mso);
        var second = await Inbox.PageAsync(mso, 1);
        Assert.Equal(NotificationInbox.PageSize, first.Items.Count);
        Assert.True(first.PageCount >= 2);
        Assert.Equal(first.Items.Select(x => x.Id).OrderDescending(), first.Items.Select(x => x.Id));
        Assert.True(first.Items[^1].Id > second.Items[0].Id);
        Assert.True(first.Unread >= NotificationInbox.PageSize + 2);
    }

    private async Task FireAsync(InnovationCases.Domain.InnovationCase c, MoveData data, string email)
    {
        var result = await App.AppServices.GetRequiredService<CaseWorkflowService>().FireAsync(c.CaseNumber, data, await App.ActorAsync(email), c.Version);
        Assert.IsType<MoveResult.Moved>(result);
        await MailTestApp.FannedOutAsync(App);
    }
}
