using InnovationCases.Domain;
using InnovationCases.Features.Admin;
using InnovationCases.Features.PersonalData;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.PersonalData;

/// <summary>Export and erasure of one person's data on request, at service level.</summary>
public sealed class PersonalDataServiceTests(PersonalDataAppFixture fixture) : IClassFixture<PersonalDataAppFixture>
{
    private TestApp App => fixture.App;
    private PersonalDataService Service => App.AppServices.GetRequiredService<PersonalDataService>();

    [Fact]
    public async Task Export_finds_exactly_the_persons_cases_by_email_or_name_and_audits_without_the_data()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var email = $"person-{id}@borger.example";
        var byEmail = await ContactCaseAsync($"Person {id}", email.ToUpperInvariant());
        var byName = await ContactCaseAsync($"Person {id}", $"gammel-{id}@borger.example", Stage.Rejected);
        var other = await ContactCaseAsync($"Anden {id}", $"anden-{id}@borger.example");
        var admin = await App.ActorAsync(DemoUsers.Admin);

        var result = await Service.ExportAsync(admin, new PersonalDataQuery($" {email} ", $"person {id}"));

        Assert.True(result.Succeeded);
        Assert.Equal([byEmail.CaseNumber, byName.CaseNumber], result.Data!.Cases.Select(c => c.CaseNumber).Order());
        Assert.DoesNotContain(result.Data.Cases, c => c.CaseNumber == other.CaseNumber);
        Assert.Null(result.Data.User);
        await using var db = await App.DbAsync();
        var audit = await db.AdminAudit.OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal(AuditEntity.PersonalData, audit.Entity);
        Assert.Equal(admin.UserId, audit.ActorUserId);
        Assert.Contains(byEmail.CaseNumber, audit.EntityKey);
        Assert.DoesNotContain(email, audit.EntityKey + audit.Change, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(id, audit.Change);
    }

    [Fact]
    public async Task Export_includes_the_user_account_when_the_person_is_a_user()
    {
        var admin = await App.ActorAsync(DemoUsers.Admin);

        var result = await Service.ExportAsync(admin, new PersonalDataQuery(DemoUsers.Mbu, null));

        Assert.True(result.Succeeded);
        Assert.Equal(DemoUsers.Mbu, result.Data!.User!.Email);
        Assert.Equal("Børn og Unge", result.Data.User.Department);
    }

    [Fact]
    public async Task Erase_removes_the_persons_contact_data_from_their_cases_only_with_one_event_each()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var email = $"slet-{id}@borger.example";
        var mine = await ContactCaseAsync($"Slet {id}", email);
        var mineClosed = await ContactCaseAsync($"Slet {id}", email, Stage.Withdrawn);
        var other = await ContactCaseAsync($"Bliv {id}", $"bliv-{id}@borger.example");
        var admin = await App.ActorAsync(DemoUsers.Admin);

        var result = await Service.EraseAsync(admin, new PersonalDataQuery(email, null));

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Erased);
        await using var db = await App.DbAsync();
        foreach (var c in new[] { mine, mineClosed })
        {
            var stored = await db.Cases.SingleAsync(x => x.Id == c.Id);
            Assert.Equal(("", "", ""), (stored.ContactName, stored.ContactEmail, stored.ContactPhone));
            Assert.Equal(c.Version + 1, stored.Version);
            var ev = await db.CaseEvents.SingleAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.PersonalDataRemoved);
            Assert.Equal(admin.UserId, ev.ActorUserId);
            Assert.DoesNotContain(id, ev.Note + ev.DataJson);
        }

        var kept = await db.Cases.SingleAsync(x => x.Id == other.Id);
        Assert.Equal($"bliv-{id}@borger.example", kept.ContactEmail);
        Assert.False(await db.CaseEvents.AnyAsync(e => e.CaseId == other.Id && e.Kind == CaseEventKind.PersonalDataRemoved));
        var audit = await db.AdminAudit.OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal(AuditEntity.PersonalData, audit.Entity);
        Assert.Contains(mine.CaseNumber, audit.EntityKey);
        Assert.DoesNotContain(email, audit.EntityKey + audit.Change);

        var found = await Service.FindAsync(admin, new PersonalDataQuery(email, null));
        Assert.Empty(found.Data!.Cases);
    }

    [Fact]
    public async Task An_empty_query_is_refused_with_a_danish_message()
    {
        var admin = await App.ActorAsync(DemoUsers.Admin);

        var result = await Service.EraseAsync(admin, new PersonalDataQuery(" ", null));

        Assert.False(result.Succeeded);
        Assert.Contains("e-mail eller navn", result.Errors.Single());
    }

    [Theory]
    [InlineData(DemoUsers.Caseworker)]
    [InlineData(DemoUsers.Manager)]
    [InlineData(DemoUsers.Mbu)]
    public async Task A_non_admin_is_refused_and_nothing_is_read_changed_or_audited(string email)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var contact = $"beskyt-{id}@borger.example";
        var c = await ContactCaseAsync($"Beskyt {id}", contact);
        var actor = await App.ActorAsync(email);
        int auditBefore;
        await using (var db = await App.DbAsync())
        {
            auditBefore = await db.AdminAudit.CountAsync();
        }

        var query = new PersonalDataQuery(contact, null);
        PersonalDataResult[] results =
        [
            await Service.FindAsync(actor, query),
            await Service.ExportAsync(actor, query),
            await Service.EraseAsync(actor, query),
        ];

        Assert.All(results, r => Assert.Contains("systemadministrator", r.Errors.Single()));
        Assert.All(results, r => Assert.Null(r.Data));
        await using var after = await App.DbAsync();
        Assert.Equal(contact, (await after.Cases.SingleAsync(x => x.Id == c.Id)).ContactEmail);
        Assert.Equal(auditBefore, await after.AdminAudit.CountAsync());
    }

    private Task<InnovationCase> ContactCaseAsync(string name, string email, Stage stage = Stage.Submitted) =>
        Arrange.CaseAsync(App, stage, configure: c =>
        {
            c.ContactName = name;
            c.ContactEmail = email;
            c.ContactPhone = "87 65 43 21";
        });
}
