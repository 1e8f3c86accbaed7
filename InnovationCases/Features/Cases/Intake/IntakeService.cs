using System.Text.Json;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Rounds;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Cases.Intake;

/// <summary>
/// Drafts and submission of applications. Submitting re-validates everything on the server with
/// <see cref="CaseApplicationValidator"/>, fixes the lead department of department staff to their
/// own, and creates the case in Submitted with its number and Created event in one transaction.
/// </summary>
public sealed class IntakeService(
    IDbContextFactory<AppDbContext> dbFactory,
    DbWriter writer,
    TimeProvider clock,
    CaseChangePipeline changes)
{
    /// <summary>A draft larger than this is refused: no field may be that long anyway.</summary>
    public const int DraftMaxChars = 200_000;

    public async Task<IntakeLookups> LookupsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LookupsAsync(db, ct);
    }

    /// <summary>A new application for the actor: department staff apply for their own department.</summary>
    public CaseApplication NewApplication(Actor actor, IntakeLookups lookups)
    {
        var year = DanishTime.Today(clock.GetUtcNow()).Year;
        var a = new CaseApplication
        {
            BudgetYear = lookups.Years.Contains(year) ? year : lookups.Years.LastOrDefault(),
            PoolKind = PoolKind.CrossCutting,
        };
        if (actor.ActsForOwnDepartment() && actor.DepartmentId is { } d)
        {
            a.ApplicantType = ApplicantType.Department;
            a.LeadDepartmentId = d;
            a.ApplicantOrganisation = lookups.DepartmentName(d);
            a.ContactName = actor.Name;
        }

        return a;
    }

    public async Task<IReadOnlyList<DraftSummary>> DraftsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var drafts = await db.Drafts
            .Where(d => d.OwnerUserId == actor.UserId)
            .Select(d => new DraftSummary(d.Id, d.Title, d.UpdatedAt))
            .ToListAsync(ct);
        return drafts.OrderByDescending(d => d.UpdatedAt).ToList();
    }

    /// <summary>The author's draft; null when it does not exist or belongs to someone else.</summary>
    public async Task<CaseApplication?> LoadDraftAsync(int draftId, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.Drafts.SingleOrDefaultAsync(d => d.Id == draftId && d.OwnerUserId == actor.UserId, ct);
        if (draft is null)
        {
            return null;
        }

        var a = JsonSerializer.Deserialize<CaseApplication>(draft.PayloadJson) ?? new CaseApplication();
        a.Normalize();
        ForceOwnDepartment(a, actor);
        return a;
    }

    /// <summary>Saves (or updates) the author's draft; returns its id, or a refusal.</summary>
    public async Task<(int? DraftId, string? Error)> SaveDraftAsync(int? draftId, CaseApplication application, Actor actor, CancellationToken ct = default)
    {
        if (!actor.MayApply())
        {
            return (null, IntakeText.Val_WrongRole);
        }

        var a = application.Clone();
        a.Normalize();
        ForceOwnDepartment(a, actor);
        var json = JsonSerializer.Serialize(a);
        if (json.Length > DraftMaxChars)
        {
            return (null, IntakeText.Val_DraftTooLarge);
        }

        return await writer.WriteAsync(async db =>
        {
            ApplicationDraft? draft = null;
            if (draftId is { } id)
            {
                draft = await db.Drafts.SingleOrDefaultAsync(d => d.Id == id && d.OwnerUserId == actor.UserId, ct);
                if (draft is null)
                {
                    return ((int?)null, IntakeText.DraftNotFound);
                }
            }

            if (draft is null)
            {
                draft = new ApplicationDraft { OwnerUserId = actor.UserId };
                db.Drafts.Add(draft);
            }

            draft.DepartmentId = a.LeadDepartmentId;
            draft.Title = a.Title.Length > Limits.TitleMax ? a.Title[..Limits.TitleMax] : a.Title;
            draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            draft.PayloadJson = json;
            await db.SaveChangesAsync(ct);
            return ((int?)draft.Id, (string?)null);
        }, ct);
    }

    /// <summary>
    /// Validates the application again and creates the case in Submitted with its case number and
    /// Created event; the draft it came from (if the actor's) is removed in the same transaction.
    /// </summary>
    public async Task<CaseCommandResult> SubmitAsync(CaseApplication application, Actor actor, int? draftId = null, CancellationToken ct = default)
    {
        if (!actor.MayApply())
        {
            return new CaseCommandResult.Refused(IntakeText.Val_WrongRole);
        }

        var a = application.Clone();
        a.Normalize();
        ForceOwnDepartment(a, actor);

        return await changes.RunAsync<CaseCommandResult>(async scope =>
        {
            var db = scope.Db;
            var errors = CaseApplicationValidator.Validate(a, await LookupsAsync(db, ct));
            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            var pool = await FindPoolAsync(db, a, ct);
            if (pool is null)
            {
                return new CaseCommandResult.Invalid(new Dictionary<string, string> { [nameof(a.PoolKind)] = IntakeText.Val_NoPool });
            }

            var now = scope.Now;
            var round = await RoundFor(db, a.PoolKind, DanishTime.Today(now), ct);
            if (round.Refusal is { } closed)
            {
                return new CaseCommandResult.Invalid(new Dictionary<string, string> { [nameof(a.PoolKind)] = closed });
            }

            var c = new InnovationCase
            {
                CaseNumber = await CaseNumbers.NextAsync(db, DanishTime.Today(now).Year, ct),
                Stage = Stage.Submitted,
                SubmittedAt = now,
                StageChangedAt = now,
                CreatedByUserId = actor.UserId,
            };
            a.ApplyTo(c, pool.Id);
            c.RoundId = round.Id;
            c.BuildsOnCaseId = await BuildsOnAsync(db, a.BuildsOnCaseNumber, actor, ct);
            db.Cases.Add(c);
            await scope.SaveAsync(); // the case's id, for its first event
            scope.Record(c, CaseEvent.ForCreated(c, actor));
            if (draftId is { } id)
            {
                await db.Drafts.Where(d => d.Id == id && d.OwnerUserId == actor.UserId).ExecuteDeleteAsync(ct);
            }

            await scope.SaveAsync();
            return new CaseCommandResult.Done(c.CaseNumber, c.Version);
        }, m => new CaseCommandResult.Refused(m), ct);
    }

    /// <summary>
    /// The round a cross-cutting application joins: the one open today. Once rounds are in use, the
    /// pool takes nothing between them (the refusal says when the next opens); local funds, and a
    /// municipality that has no rounds yet, take applications all year.
    /// </summary>
    internal static async Task<(int? Id, string? Refusal)> RoundFor(AppDbContext db, PoolKind? pool, DateOnly today, CancellationToken ct)
    {
        if (pool != PoolKind.CrossCutting)
        {
            return (null, null);
        }

        var rounds = await db.Rounds.AsNoTracking().ToListAsync(ct);
        if (rounds.Count == 0)
        {
            return (null, null);
        }

        if (RoundRules.OpenOn(rounds, today) is { } open)
        {
            return (open.Id, null);
        }

        return (null, RoundRules.NextAfter(rounds, today) is { } next
            ? string.Format(RoundText.Intake_Closed, DanishTime.FormatDate(next.OpensOn))
            : RoundText.Intake_NoneScheduled);
    }
    /// <summary>The case a "byg videre på" application links to; a case the applicant may not see is not linked.</summary>
    private static async Task<int?> BuildsOnAsync(AppDbContext db, string? caseNumber, Actor actor, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(caseNumber)
            ? null
            : await db.Cases.VisibleTo(actor).Where(x => x.CaseNumber == caseNumber.Trim()).Select(x => (int?)x.Id).SingleOrDefaultAsync(ct);

    /// <summary>The pool an application names: the year's cross-cutting pool, or the lead department's local funds.</summary>
    internal static Task<Pool?> FindPoolAsync(AppDbContext db, CaseApplication a, CancellationToken ct) =>
        a.PoolKind == PoolKind.LocalFunds
            ? db.Pools.SingleOrDefaultAsync(p => p.Year == a.BudgetYear && p.Kind == PoolKind.LocalFunds && p.DepartmentId == a.LeadDepartmentId, ct)
            : db.Pools.SingleOrDefaultAsync(p => p.Year == a.BudgetYear && p.Kind == PoolKind.CrossCutting, ct);

    internal static async Task<IntakeLookups> LookupsAsync(AppDbContext db, CancellationToken ct)
    {
        var departments = await db.Departments.OrderBy(d => d.Name)
            .Select(d => new DepartmentOption(d.Id, d.Name, d.Code)).ToListAsync(ct);
        var years = await db.Pools.Select(p => p.Year).Distinct().OrderBy(y => y).ToListAsync(ct);
        return new IntakeLookups(departments, years);
    }

    /// <summary>Department staff apply for their own department: the lead is theirs whatever the browser sent.</summary>
    internal static void ForceOwnDepartment(CaseApplication a, Actor actor)
    {
        if (actor.ActsForOwnDepartment())
        {
            a.LeadDepartmentId = actor.DepartmentId;
            a.PartnerDepartmentIds.RemoveAll(p => p == actor.DepartmentId);
        }
    }
}
