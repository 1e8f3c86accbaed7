using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Admin;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Features.PersonalData;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InnovationCases.Tests.Features.PersonalData;

/// <summary>
/// The retention pass with a fixed "now" twenty years ahead: the cases it should find are closed
/// "six years before" that, which is still in the real future, so the app's own start-up pass
/// (real clock) never touches them and cannot race these tests.
/// </summary>
public sealed class PersonalDataRetentionTests(PersonalDataAppFixture fixture) : IClassFixture<PersonalDataAppFixture>
{
    private static readonly DateTimeOffset Now = new(DateTime.UtcNow.Year + 20, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private TestApp App => fixture.App;

    private PersonalDataRetention Retention(int years = 5) => new(
        App.AppServices.GetRequiredService<CaseChangePipeline>(),
        Options.Create(new PersonalDataOptions { RetentionYears = years }),
        new FixedClock(Now));

    [Fact]
    public async Task Retention_removes_contacts_closed_longer_ago_than_the_retention_and_keeps_the_rest()
    {
        // Twenty years on, the demo data's closed cases are past the retention too: clear them first.
        await Retention().RunAsync();
        var old = await ClosedCaseAsync(Stage.Rejected, yearsAgo: 6);
        var oldEvaluated = await ClosedCaseAsync(Stage.Evaluated, yearsAgo: 6);
        var recent = await ClosedCaseAsync(Stage.Withdrawn, yearsAgo: 4);
        var open = await ClosedCaseAsync(Stage.Granted, yearsAgo: 10);
        var auditBefore = await RetentionAuditCountAsync();

        var removed = await Retention().RunAsync();

        Assert.Equal(2, removed);
        await AssertErasedAsync(old.Id);
        await AssertErasedAsync(oldEvaluated.Id);
        await AssertKeptAsync(recent.Id);
        await AssertKeptAsync(open.Id);

        await using var db = await App.DbAsync();
        var ev = await db.CaseEvents.SingleAsync(e => e.CaseId == old.Id && e.Kind == CaseEventKind.PersonalDataRemoved);
        Assert.Equal(AdminAudit.SystemActorId, ev.ActorUserId);
        Assert.Contains("5 år", ev.Note);
        Assert.DoesNotContain(old.ContactEmail, ev.DataJson + ev.Note);
        Assert.DoesNotContain(old.ContactName, ev.DataJson + ev.Note);
        Assert.False(await db.CaseEvents.AnyAsync(e => (e.CaseId == recent.Id || e.CaseId == open.Id) && e.Kind == CaseEventKind.PersonalDataRemoved));

        Assert.Equal(auditBefore + 1, await RetentionAuditCountAsync());
        var audit = await db.AdminAudit.OrderByDescending(a => a.Id).FirstAsync(a => a.Entity == AuditEntity.PersonalData);
        Assert.Contains(old.CaseNumber, audit.Change);
        Assert.Contains(oldEvaluated.CaseNumber, audit.Change);
        Assert.DoesNotContain(recent.CaseNumber, audit.Change);
        Assert.DoesNotContain(old.ContactEmail, audit.Change + audit.EntityKey);

        var eventsBefore = await db.CaseEvents.CountAsync();
        Assert.Equal(0, await Retention().RunAsync());
        await using var after = await App.DbAsync();
        Assert.Equal(eventsBefore, await after.CaseEvents.CountAsync());
        Assert.Equal(auditBefore + 1, await RetentionAuditCountAsync());
        await AssertKeptAsync(recent.Id);
    }

    [Fact]
    public async Task A_shorter_configured_retention_reaches_more_recently_closed_cases()
    {
        var closed = await ClosedCaseAsync(Stage.Stopped, yearsAgo: 2);

        await Retention(years: 5).RunAsync();
        await AssertKeptAsync(closed.Id);

        await Retention(years: 1).RunAsync();
        await AssertErasedAsync(closed.Id);
    }

    private async Task<InnovationCase> ClosedCaseAsync(Stage stage, int yearsAgo)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        return await Arrange.CaseAsync(App, stage, configure: c =>
        {
            c.ContactName = "Kontakt " + id;
            c.ContactEmail = $"kontakt-{id}@borger.example";
            c.ContactPhone = "12 34 56 78";
            c.StageChangedAt = Now.UtcDateTime.AddYears(-yearsAgo);
        });
    }

    private async Task AssertErasedAsync(int caseId)
    {
        await using var db = await App.DbAsync();
        var c = await db.Cases.SingleAsync(x => x.Id == caseId);
        Assert.Equal(("", "", ""), (c.ContactName, c.ContactEmail, c.ContactPhone));
    }

    private async Task AssertKeptAsync(int caseId)
    {
        await using var db = await App.DbAsync();
        var c = await db.Cases.SingleAsync(x => x.Id == caseId);
        Assert.StartsWith("Kontakt ", c.ContactName);
        Assert.EndsWith("@borger.example", c.ContactEmail);
        Assert.Equal("12 34 56 78", c.ContactPhone);
    }

    private async Task<int> RetentionAuditCountAsync()
    {
        await using var db = await App.DbAsync();
        return await db.AdminAudit.CountAsync(a => a.Entity == AuditEntity.PersonalData && a.ActorUserId == AdminAudit.SystemActorId);
    }
}
