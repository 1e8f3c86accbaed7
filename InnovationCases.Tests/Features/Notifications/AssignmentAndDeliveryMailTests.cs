using InnovationCases.Domain;
using InnovationCases.Domain.Assignments;
using InnovationCases.Domain.Delivery;
using InnovationCases.Features.Assignments;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Notifications;

/// <summary>Issues 12 and 13 wired into the e-mails: assignments, due assessments, due reports and milestones, the fail-fast flag.</summary>
public sealed class AssignmentAndDeliveryMailTests
{
    private const string MbuDirector = "direktoer.mbu@aarhus.example";

    private static DateOnly Today => DanishTime.Today(DateTime.UtcNow);

    private static async Task AssignAsync(TestApp app, InnovationCase c, string userId, AssignmentKind kind, DateOnly due)
    {
        var input = new AssignmentInput { UserIds = [userId], Kind = kind, DueDate = due };
        var result = await app.AppServices.GetRequiredService<AssignmentService>().AssignAsync(c.CaseNumber, input, await app.ActorAsync(DemoUsers.Caseworker));
        Assert.IsType<CaseCommandResult.Done>(result);
    }

    private static bool To(MimeKit.MimeMessage m, string email) => m.To.Mailboxes.Any(x => x.Address == email);

    [Fact]
    public async Task An_assignment_mails_the_assigned_person_only_and_an_advisory_member_hears_nothing_of_other_cases()
    {
        await using var smtp = new SmtpTestServer();
        using var app = MailTestApp.Create(smtp.Port);
        var otherMember = await MailTestApp.AddStaffAsync(app, "BA", "raad2@aarhus.example", Role.AdvisoryBoard);
        var panel = await app.ActorAsync(DemoUsers.Panel);
        var director = await app.ActorAsync(MbuDirector);
        var mine = await Arrange.CaseAsync(app, Stage.Screened, leadCode: "MSO");
        var theirs = await Arrange.CaseAsync(app, Stage.Submitted, leadCode: "MSO");

        await AssignAsync(app, mine, panel.UserId, AssignmentKind.Advice, Today.AddDays(10));
        await AssignAsync(app, mine, director.UserId, AssignmentKind.Assessment, Today.AddDays(10));
        await AssignAsync(app, theirs, otherMember.Id, AssignmentKind.Advice, Today.AddDays(10));
        await MailTestApp.ScreenAsync(app, await ReloadAsync(app, theirs));

        await Eventually.WaitAsync(() => smtp.Received.Any(m => To(m, DemoUsers.Panel)) && smtp.Received.Any(m => To(m, MbuDirector))
            && smtp.Received.Any(m => To(m, otherMember.Email!)), "the three assignment e-mails");
        var toPanel = Assert.Single(smtp.Received, m => To(m, DemoUsers.Panel));
        Assert.StartsWith($"{mine.CaseNumber} {mine.Title}: du er bedt om", toPanel.Subject);
        Assert.Contains("give dit råd om sagen senest " + DanishTime.FormatDate(Today.AddDays(10)), toPanel.TextBody);
        Assert.Contains("vurdere sagen senest", Assert.Single(smtp.Received, m => To(m, MbuDirector)).TextBody);
        var toOther = Assert.Single(smtp.Received, m => To(m, otherMember.Email!));
        Assert.StartsWith(theirs.CaseNumber, toOther.Subject);

        await MailTestApp.FannedOutAsync(app);
        await using var db = await app.DbAsync();
        var assignedRows = await db.Outbox.Where(m => m.Kind == NotificationKind.AssessmentAssigned && m.CaseId == mine.Id).Select(m => m.RecipientUserId).ToListAsync();
        Assert.Equal(new[] { panel.UserId, director.UserId }.Order(), assignedRows.Order());
        Assert.False(await db.Outbox.AnyAsync(m => m.RecipientUserId == panel.UserId && m.CaseId == theirs.Id));
        Assert.False(await db.Outbox.AnyAsync(m => m.RecipientUserId == otherMember.Id && m.CaseId == mine.Id));
    }

    [Fact]
    public async Task An_assessment_due_in_three_days_and_one_overdue_are_each_reminded_once()
    {
        await using var smtp = new SmtpTestServer();
        using var app = MailTestApp.Create(smtp.Port);
        var director = await app.ActorAsync(MbuDirector);
        var soon = await Arrange.CaseAsync(app, Stage.Screened, leadCode: "MSO");
        var late = await Arrange.CaseAsync(app, Stage.Screened, leadCode: "MSO");
        var later = await Arrange.CaseAsync(app, Stage.Screened, leadCode: "MSO");
        await AssignAsync(app, soon, director.UserId, AssignmentKind.Assessment, Today.AddDays(3));
        await AssignAsync(app, later, director.UserId, AssignmentKind.Assessment, Today.AddDays(4));
        await using (var db = await app.DbAsync())
        {
            // Assigned earlier with a due date that has passed by now (the service refuses a past date).
            db.CaseAssignments.Add(new CaseAssignment
            {
                CaseId = late.Id, UserId = director.UserId, UserName = director.Name, Kind = AssignmentKind.Assessment, DueDate = Today.AddDays(-1),
                AssignedByUserId = "x", AssignedByName = "X", AssignedAt = DateTime.UtcNow.AddDays(-10),
            });
            await db.SaveChangesAsync();
        }

        var scheduler = app.AppServices.GetRequiredService<NotificationScheduler>();
        await scheduler.RunAsync(DateTime.UtcNow);
        await scheduler.RunAsync(DateTime.UtcNow.AddMinutes(1));

        await Eventually.WaitAsync(() => smtp.Received.Count(m => To(m, MbuDirector) && (m.Subject ?? "").Contains("Vurdering", StringComparison.Ordinal)) >= 2, "both reminders");
        await using var check = await app.DbAsync();
        var ids = new int?[] { soon.Id, late.Id, later.Id };
        var due = await check.Outbox.Include(m => m.Body).Where(m => m.Kind == NotificationKind.AssessmentDue && m.RecipientUserId == director.UserId && ids.Contains(m.CaseId)).ToListAsync();
        Assert.Equal(2, due.Count);
        Assert.Contains("skal være færdig senest " + DanishTime.FormatDate(Today.AddDays(3)), Assert.Single(due, m => m.CaseId == soon.Id).Body!.Subject);
        Assert.Contains("over fristen", Assert.Single(due, m => m.CaseId == late.Id).Body!.Subject);
        Assert.DoesNotContain(due, m => m.CaseId == later.Id);
    }

    [Fact]
    public async Task Lead_department_staff_are_reminded_of_due_and_overdue_milestones_and_told_of_the_fail_fast_flag_once()
    {
        await using var smtp = new SmtpTestServer();
        using var app = MailTestApp.Create(smtp.Port);
        var lead = await MailTestApp.AddStaffAsync(app, "MKB", "mkb-leverance@aarhus.example");
        var partner = await MailTestApp.AddStaffAsync(app, "BA", "ba-leverance@aarhus.example");
        var c = await Arrange.CaseAsync(app, Stage.Granted, leadCode: "MKB", partnerCodes: ["BA"], requested: 100_000,
            configure: x => x.StageChangedAt = DateTime.UtcNow.AddMonths(-3));
        await using (var db = await app.DbAsync())
        {
            db.Milestones.Add(new Milestone { CaseId = c.Id, Name = "Pilot", DueDate = Today.AddDays(-90), Weight = 1 });
            db.Milestones.Add(new Milestone { CaseId = c.Id, Name = "Udrulning", DueDate = Today.AddDays(20), Weight = 1 });
            db.Milestones.Add(new Milestone { CaseId = c.Id, Name = "Evaluering", DueDate = Today.AddDays(200), Weight = 1 });
            await db.SaveChangesAsync();
        }

        var scheduler = app.AppServices.GetRequiredService<NotificationScheduler>();
        await scheduler.RunAsync(DateTime.UtcNow);
        await scheduler.RunAsync(DateTime.UtcNow.AddMinutes(1));

        await using var check = await app.DbAsync();
        var rows = await check.Outbox.Include(m => m.Body).Where(m => m.CaseId == c.Id).ToListAsync();
        var toLead = rows.Where(m => m.RecipientUserId == lead.Id).ToList();
        Assert.DoesNotContain(rows, m => m.RecipientUserId == partner.Id);
        Assert.Equal(2, toLead.Count(m => m.Kind == NotificationKind.DeliveryDue));
        Assert.Contains(toLead, m => m.Body!.Subject.Contains("delmålet \"Pilot\" er over fristen", StringComparison.Ordinal));
        Assert.Contains(toLead, m => m.Body!.Subject.Contains("delmålet \"Udrulning\" skal være nået senest", StringComparison.Ordinal));
        Assert.DoesNotContain(toLead, m => m.Body!.Subject.Contains("Evaluering", StringComparison.Ordinal));
        var flag = Assert.Single(toLead, m => m.Kind == NotificationKind.FailFastFlag);
        Assert.Contains("Overvej at stoppe", flag.Body!.Subject);

        // The flag is "med det samme" for department staff; the due milestones wait for the digest.
        Assert.Equal(OutboxStatus.Digested, Assert.Single(toLead, m => m.Body!.Subject.Contains("Udrulning", StringComparison.Ordinal)).Status);
        await Eventually.WaitAsync(() => smtp.Received.Any(m => To(m, lead.Email!) && (m.Subject ?? "").Contains("Overvej at stoppe", StringComparison.Ordinal)), "the fail-fast e-mail");
        await Eventually.WaitAsync(() => smtp.Received.Any(m => To(m, lead.Email!) && (m.TextBody ?? "").Contains("Udrulning", StringComparison.Ordinal)), "the digest with the due milestone");
    }

    private static async Task<InnovationCase> ReloadAsync(TestApp app, InnovationCase c)
    {
        await using var db = await app.DbAsync();
        return await db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id);
    }
}
