using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Moves;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Notifications;

/// <summary>The app sending its outbox to a <see cref="SmtpTestServer"/>, polling fast, with short retries.</summary>
public static class MailTestApp
{
    public const string BaseUrl = "https://innovation.test";

    public static TestApp Create(int smtpPort, string? folder = null, int maxAttempts = 3)
    {
        var app = new TestApp(folder: folder);
        app.Settings["Mail:Mode"] = nameof(MailMode.Smtp);
        app.Settings["Mail:Host"] = "127.0.0.1";
        app.Settings["Mail:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Mail:StartTls"] = "false";
        app.Settings["Mail:PollMilliseconds"] = "50";
        app.Settings["Mail:RetrySeconds"] = "0";
        app.Settings["Mail:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["App:PublicBaseUrl"] = BaseUrl;
        return app;
    }

    /// <summary>A department staff member with an e-mail (no password: they only receive).</summary>
    public static async Task<AppUser> AddStaffAsync(TestApp app, string code, string email, Role role = Role.DepartmentStaff)
    {
        await using var db = await app.DbAsync();
        var department = await db.Departments.SingleAsync(d => d.Code == code);
        var user = new AppUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = "Medarbejder " + email,
            Role = role,
            DepartmentId = role == Role.DepartmentStaff ? department.Id : null,
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>The caseworker screens the case: a move every notification test can make.</summary>
    public static async Task ScreenAsync(TestApp app, InnovationCase c)
    {
        var caseworker = await app.ActorAsync(DemoUsers.Caseworker);
        var result = await app.AppServices.GetRequiredService<CaseWorkflowService>().FireAsync(c.CaseNumber, new ScreenData(), caseworker, c.Version);
        Assert.IsType<MoveResult.Moved>(result);
    }

    /// <summary>Waits until the background fan-out has expanded every change written so far (it deletes a pending row after the rows it writes are stored).</summary>
    public static Task FannedOutAsync(TestApp app) => Eventually.WaitAsync(async () =>
    {
        await using var db = await app.DbAsync();
        return !await db.PendingFanOuts.AnyAsync();
    }, "the notifications fanned out", seconds: 15);

    /// <summary>The case's outbox rows, once the background fan-out has expanded every pending change.</summary>
    public static async Task<List<OutboxMessage>> OutboxAsync(TestApp app, int caseId)
    {
        await FannedOutAsync(app);
        await using var db = await app.DbAsync();
        return await db.Outbox.AsNoTracking().Include(m => m.Body).Where(m => m.CaseId == caseId).OrderBy(m => m.Id).ToListAsync();
    }
}
