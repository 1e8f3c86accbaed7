using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Moves;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Notifications;

/// <summary>The outbox rows a change writes, in its transaction (mail is off here: nothing is sent).</summary>
public class NotificationPlannerTests : IClassFixture<NotificationPlannerTests.App>
{
    public class App : IDisposable
    {
        public App()
            : this(null)
        {
        }

        /// <summary>For the provider matrix (Data/Postgres/ProviderMatrix.cs).</summary>
        protected App(InnovationCases.Data.DatabaseProvider? provider) => Inner = new(demoData: true, provider: provider);

        public TestApp Inner { get; }

        public void Dispose() => Inner.Dispose();
    }

    private readonly TestApp _app;

    public NotificationPlannerTests(App app) => _app = app.Inner;

    [Fact]
    public async Task A_move_writes_one_row_per_staff_member_of_the_lead_and_partner_departments_with_the_event()
    {
        var extra = await MailTestApp.AddStaffAsync(_app, "MBU", $"mbu-{Guid.NewGuid():N}@aarhus.example");
        var c = await Arrange.CaseAsync(_app, Stage.Submitted, leadCode: "MBU", partnerCodes: ["MSO"]);

        await MailTestApp.ScreenAsync(_app, c);

        var expected = await StaffEmailsAsync("MBU", "MSO");
        Assert.Contains(extra.Email, expected);
        Assert.Contains(DemoUsers.Mso, expected);
        var rows = await MailTestApp.OutboxAsync(_app, c.Id);
        Assert.Equal(expected.Order(), rows.Select(r => r.RecipientEmail).Order());
        Assert.All(rows, r =>
        {
            Assert.Equal(NotificationKind.CaseMoved, r.Kind);
            Assert.Equal(OutboxStatus.Pending, r.Status);
            Assert.StartsWith($"{c.CaseNumber} {c.Title}: flyttet til Screenet", r.Body!.Subject);
            Assert.Contains($"/cases/{c.CaseNumber}", r.Body.TextBody);
        });
        await using var db = await _app.DbAsync();
        Assert.True(await db.CaseEvents.AnyAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.Moved));
    }

    [Fact]
    public async Task Nobody_is_told_about_a_case_they_may_not_see()
    {
        var outsider = await MailTestApp.AddStaffAsync(_app, "MTM", $"mtm-{Guid.NewGuid():N}@aarhus.example");
        var c = await Arrange.CaseAsync(_app, Stage.Submitted, leadCode: "MBU");

        await MailTestApp.ScreenAsync(_app, c);

        var recipients = (await MailTestApp.OutboxAsync(_app, c.Id)).Select(r => r.RecipientUserId).ToList();
        Assert.NotEmpty(recipients);
        await using var db = await _app.DbAsync();
        foreach (var id in recipients)
        {
            var actor = (await db.Users.SingleAsync(u => u.Id == id)).ToActor();
            var loaded = await db.Cases.Include(x => x.PartnerDepartments).SingleAsync(x => x.Id == c.Id);
            Assert.True(actor.CanSee(loaded), $"{actor.Name} was told about a case they may not see");
        }

        Assert.DoesNotContain(outsider.Id, recipients);
        Assert.DoesNotContain((await _app.ActorAsync(DemoUsers.Mso)).UserId, recipients);
        Assert.DoesNotContain((await _app.ActorAsync(DemoUsers.Manager)).UserId, recipients);
    }

    [Fact]
    public async Task A_user_who_turned_a_kind_off_gets_an_in_app_row_only_and_a_digest_reader_gets_one_that_waits()
    {
        var off = await MailTestApp.AddStaffAsync(_app, "MKB", $"off-{Guid.NewGuid():N}@aarhus.example");
        var digest = await MailTestApp.AddStaffAsync(_app, "MKB", $"digest-{Guid.NewGuid():N}@aarhus.example");
        var settings = _app.AppServices.GetRequiredService<NotificationSettingsService>();
        Assert.Null(await settings.SaveAsync(off.ToActor(), [new(NotificationKind.CaseMoved, NotificationDelivery.Off)]));
        Assert.Null(await settings.SaveAsync(digest.ToActor(), [new(NotificationKind.CaseMoved, NotificationDelivery.DailyDigest)]));
        var c = await Arrange.CaseAsync(_app, Stage.Submitted, leadCode: "MKB");

        await MailTestApp.ScreenAsync(_app, c);

        var rows = await MailTestApp.OutboxAsync(_app, c.Id);
        Assert.Equal(OutboxStatus.InAppOnly, Assert.Single(rows, r => r.RecipientUserId == off.Id).Status);
        // One text for the change, shared by every recipient's row.
        Assert.Single(rows.Select(r => r.BodyId).Distinct());
        Assert.Equal(OutboxStatus.AwaitingDigest, Assert.Single(rows, r => r.RecipientUserId == digest.Id).Status);
    }

    [Fact]
    public async Task A_recommendation_that_needs_the_council_tells_the_caseworkers()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Screened, leadCode: "MSB", requested: 3_000_000, qualifyingAssessment: true);
        var director = await _app.ActorAsync(DemoUsers.Director);

        var result = await _app.AppServices.GetRequiredService<CaseWorkflowService>().FireAsync(c.CaseNumber, new RecommendData(3_000_000), director, c.Version);

        Assert.IsType<MoveResult.Moved>(result);
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);
        var row = Assert.Single(await MailTestApp.OutboxAsync(_app, c.Id), r => r.Kind == NotificationKind.CouncilDecisionPending);
        Assert.Equal(caseworker.UserId, row.RecipientUserId);
        Assert.Contains("byrådets beslutning", row.Body!.Subject);
    }

    [Fact]
    public async Task A_refused_move_writes_no_rows()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Submitted, leadCode: "MBU");
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);

        var result = await _app.AppServices.GetRequiredService<CaseWorkflowService>().FireAsync(c.CaseNumber, new GrantData(1, null, null), caseworker, c.Version);

        Assert.IsNotType<MoveResult.Moved>(result);
        Assert.Empty(await MailTestApp.OutboxAsync(_app, c.Id));
    }

    [Fact]
    public async Task Department_staff_cannot_choose_kinds_their_role_never_receives()
    {
        var mbu = await _app.ActorAsync(DemoUsers.Mbu);
        var settings = _app.AppServices.GetRequiredService<NotificationSettingsService>();

        Assert.NotNull(await settings.SaveAsync(mbu, [new(NotificationKind.AssessmentAssigned, NotificationDelivery.Immediately)]));
        Assert.DoesNotContain(await settings.GetAsync(mbu), c => c.Kind == NotificationKind.AssessmentAssigned);
    }

    private async Task<List<string>> StaffEmailsAsync(params string[] codes)
    {
        await using var db = await _app.DbAsync();
        var ids = await db.Departments.Where(d => codes.Contains(d.Code)).Select(d => d.Id).ToListAsync();
        return await db.Users.Where(u => u.IsActive && u.Role == Role.DepartmentStaff && u.DepartmentId != null && ids.Contains(u.DepartmentId.Value))
            .Select(u => u.Email!).ToListAsync();
    }
}
