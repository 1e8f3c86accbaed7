using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Admin;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.PersonalData;

/// <summary>
/// One person's data on request: find it, export it, erase it from the cases. Only an active
/// administrator may (checked here against the database, whatever the page shows). Exports and
/// erasures are written to the admin audit log without the person's e-mail or name: the entry names
/// the cases concerned, and each erased case's timeline says who erased its contact and when.
/// </summary>
public sealed class PersonalDataService(
    IDbContextFactory<AppDbContext> dbFactory,
    DbWriter writer,
    CaseChangePipeline pipeline,
    TimeProvider clock)
{
    /// <summary>The cases where the person is the contact, and their user account if any; audits nothing (the admin only looks).</summary>
    public async Task<PersonalDataResult> FindAsync(Actor actor, PersonalDataQuery query, CancellationToken ct = default)
    {
        if (query.Validate() is { Count: > 0 } errors)
        {
            return PersonalDataResult.Refused(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AdminGuard.IsActiveAdminAsync(db, actor, ct))
        {
            return PersonalDataResult.Refused(PersonalDataText.NotAdmin);
        }

        return PersonalDataResult.Found(await CollectAsync(db, query, ct));
    }

    /// <summary>As <see cref="FindAsync"/>, for handing to the person: writes an audit entry.</summary>
    public Task<PersonalDataResult> ExportAsync(Actor actor, PersonalDataQuery query, CancellationToken ct = default)
    {
        if (query.Validate() is { Count: > 0 } errors)
        {
            return Task.FromResult(PersonalDataResult.Refused(errors));
        }

        return writer.WriteAsync(async db =>
        {
            if (!await AdminGuard.IsActiveAdminAsync(db, actor, ct))
            {
                return PersonalDataResult.Refused(PersonalDataText.NotAdmin);
            }

            var data = await CollectAsync(db, query, ct);
            Audit(db, actor, data.Cases.Select(c => c.CaseNumber), string.Format(PersonalDataText.Audit_Exported,
                data.Cases.Count, data.User is null ? PersonalDataText.Audit_NoAccount : PersonalDataText.Audit_Account));
            await db.SaveChangesAsync(ct);
            return PersonalDataResult.Found(data);
        }, ct);
    }

    /// <summary>
    /// Removes the contact data from every case where the person is the contact, one timeline event
    /// per case, in one transaction with the audit entry. The user account is left alone: the admin
    /// deactivates it on the users page, and the names in past events are the audit trail.
    /// </summary>
    public Task<PersonalDataResult> EraseAsync(Actor actor, PersonalDataQuery query, CancellationToken ct = default)
    {
        if (query.Validate() is { Count: > 0 } errors)
        {
            return Task.FromResult(PersonalDataResult.Refused(errors));
        }

        return pipeline.RunAsync(async scope =>
        {
            if (!await AdminGuard.IsActiveAdminAsync(scope.Db, actor, ct))
            {
                return PersonalDataResult.Refused(PersonalDataText.NotAdmin);
            }

            var ids = await MatchingCaseIdsAsync(scope.Db, query, ct);
            var cases = await scope.Db.Cases.Where(c => ids.Contains(c.Id)).OrderBy(c => c.CaseNumber).ToListAsync(ct);
            foreach (var c in cases)
            {
                ContactData.Remove(scope, c, actor, PersonalDataText.Event_OnRequest);
            }

            if (cases.Count > 0)
            {
                Audit(scope.Db, actor, cases.Select(c => c.CaseNumber), string.Format(PersonalDataText.Audit_Erased, cases.Count));
            }

            return PersonalDataResult.Done(cases.Count);
        }, refused: m => PersonalDataResult.Refused(m), ct);
    }

    private async Task<PersonalDataExport> CollectAsync(AppDbContext db, PersonalDataQuery query, CancellationToken ct)
    {
        var ids = await MatchingCaseIdsAsync(db, query, ct);
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.CaseNumber)
            .Select(c => new ContactCase(c.CaseNumber, c.Title, c.ContactName, c.ContactEmail, c.ContactPhone))
            .ToListAsync(ct);
        PersonalDataUser? user = null;
        if (query.CleanEmail is { } email)
        {
            var normalized = email.ToUpperInvariant();
            var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
            if (account is not null)
            {
                var department = account.DepartmentId is { } d
                    ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).SingleOrDefaultAsync(ct)
                    : null;
                user = new PersonalDataUser(account.Email ?? "", account.DisplayName, account.Role.Label(), department, account.IsActive);
            }
        }

        return new PersonalDataExport(clock.GetUtcNow().UtcDateTime, cases, user);
    }

    /// <summary>Compared in memory: SQLite's lower() folds ASCII only, and Danish names have æ, ø and å.</summary>
    private static async Task<List<int>> MatchingCaseIdsAsync(AppDbContext db, PersonalDataQuery query, CancellationToken ct)
    {
        var contacts = await db.Cases.AsNoTracking()
            .Where(c => c.ContactEmail != "" || c.ContactName != "")
            .Select(c => new { c.Id, c.ContactName, c.ContactEmail })
            .ToListAsync(ct);
        return contacts.Where(c => query.Matches(c.ContactName, c.ContactEmail)).Select(c => c.Id).ToList();
    }

    private void Audit(AppDbContext db, Actor actor, IEnumerable<string> caseNumbers, string change)
    {
        var key = string.Join(", ", caseNumbers);
        AdminAudit.Add(db, clock.GetUtcNow().UtcDateTime, actor, AuditEntity.PersonalData, key == "" ? "–" : key, change);
    }
}
