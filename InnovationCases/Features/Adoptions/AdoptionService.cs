using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Cases.Intake;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Adoptions;

/// <summary>
/// Adoption (udbredelse): a department records that it takes a carried-out solution into use, and
/// "byg videre på" links between cases. Recorded through the case-change pipeline as an event on
/// the adopted case.
/// </summary>
public sealed class AdoptionService(IDbContextFactory<AppDbContext> dbFactory, CaseChangePipeline changes)
{
    /// <summary>The case's spread for a reader of the case page or its knowledge entry; null if they may read neither.</summary>
    public async Task<SpreadView?> GetAsync(string caseNumber, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Cases.AsNoTracking().Include(x => x.PartnerDepartments).SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, ct);
        if (c is null || !(actor.CanSee(c) || actor.MayReadKnowledgeEntry(c)))
        {
            return null;
        }

        var adoptions = await db.Adoptions.AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.AdoptedOn)
            .Select(a => new AdoptionRow(a.Department!.Name, a.AdoptedOn, a.Note, a.ExpectedAnnualGain)).ToListAsync(ct);
        var visible = db.Cases.VisibleTo(actor);
        var buildsOn = c.BuildsOnCaseId is { } id
            ? await visible.Where(x => x.Id == id).Select(x => new CaseLink(x.CaseNumber, x.Title)).SingleOrDefaultAsync(ct)
            : null;
        var builtOnBy = await visible.Where(x => x.BuildsOnCaseId == c.Id).OrderBy(x => x.Id)
            .Select(x => new CaseLink(x.CaseNumber, x.Title)).ToListAsync(ct);
        var departments = (await IntakeService.LookupsAsync(db, ct)).Departments
            .Where(d => actor.MayRecordAdoption(c, d.Id)).ToList();
        return new SpreadView(adoptions, buildsOn, builtOnBy, departments, actor.MayApply() && actor.CanSee(c));
    }

    /// <summary>Municipality-wide spread for the dashboard (an aggregate: no case is named).</summary>
    public async Task<SpreadFigures> FiguresAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var solutions = await db.Adoptions.Select(a => a.CaseId).Distinct().CountAsync(ct);
        var adoptions = await db.Adoptions.CountAsync(ct);
        var gain = await db.Adoptions.SumAsync(a => (long?)a.ExpectedAnnualGain, ct) ?? 0;
        return new SpreadFigures(solutions, adoptions, gain);
    }

    public async Task<CaseCommandResult> AddAsync(string caseNumber, AdoptionInput input, Actor actor, CancellationToken ct = default)
    {
        return await changes.RunAsync<CaseCommandResult>(async scope =>
        {
            var db = scope.Db;
            var c = await db.Cases.Include(x => x.PartnerDepartments).SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, scope.Ct);
            if (c is null || !(actor.CanSee(c) || actor.MayReadKnowledgeEntry(c)))
            {
                return new CaseCommandResult.NotFound(WorkflowText.NotFound);
            }

            if (!c.IsAdoptable())
            {
                return new CaseCommandResult.Refused(SpreadText.Adoption_NotAdoptable);
            }

            var errors = Validate(input, DanishTime.Today(scope.Now), c);
            if (errors.Count == 0 && !actor.MayRecordAdoption(c, input.DepartmentId!.Value))
            {
                return new CaseCommandResult.Refused(SpreadText.Adoption_NotAllowed);
            }

            if (errors.Count == 0 && await db.Adoptions.AnyAsync(a => a.CaseId == c.Id && a.DepartmentId == input.DepartmentId, scope.Ct))
            {
                errors[nameof(input.DepartmentId)] = SpreadText.Adoption_Exists;
            }

            if (errors.Count == 0 && !await db.Departments.AnyAsync(d => d.Id == input.DepartmentId, scope.Ct))
            {
                errors[nameof(input.DepartmentId)] = SpreadText.Adoption_Department;
            }

            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            var adoption = new Adoption
            {
                CaseId = c.Id,
                DepartmentId = input.DepartmentId!.Value,
                AdoptedOn = DateOnly.FromDateTime(input.AdoptedOn!.Value),
                Note = Text.Clean(input.Note),
                ExpectedAnnualGain = input.ExpectedAnnualGain!.Value,
                RecordedByUserId = actor.UserId,
                RecordedByName = actor.Name,
                CreatedAt = scope.Now,
            };
            db.Adoptions.Add(adoption);
            scope.Record(c, CaseEvent.ForAnnotation(c, CaseEventKind.Adopted, actor, scope.Now,
                new { adoption.DepartmentId, AdoptedOn = adoption.AdoptedOn.ToString("yyyy-MM-dd"), adoption.ExpectedAnnualGain }));
            return new CaseCommandResult.Done(c.CaseNumber, c.Version, SpreadText.Adoption_Saved);
        }, m => new CaseCommandResult.Refused(m), ct);
    }

    public static Dictionary<string, string> Validate(AdoptionInput input, DateOnly today, InnovationCase c)
    {
        var errors = new Dictionary<string, string>();
        if (input.DepartmentId is not { } d)
        {
            errors[nameof(input.DepartmentId)] = SpreadText.Adoption_Department;
        }
        else if (d == c.LeadDepartmentId)
        {
            errors[nameof(input.DepartmentId)] = SpreadText.Adoption_OwnLead;
        }

        if (input.AdoptedOn is not { } on || on.Year < Limits.FirstYear)
        {
            errors[nameof(input.AdoptedOn)] = SpreadText.Adoption_Date;
        }
        else if (DateOnly.FromDateTime(on) > today)
        {
            errors[nameof(input.AdoptedOn)] = SpreadText.Adoption_Future;
        }

        if (!Limits.IsAmount(input.ExpectedAnnualGain))
        {
            errors[nameof(input.ExpectedAnnualGain)] = string.Format(SpreadText.Adoption_Gain, Money.Format(Limits.AmountMax));
        }

        if ((input.Note?.Length ?? 0) > Limits.TextMax)
        {
            errors[nameof(input.Note)] = string.Format(SpreadText.TooLong, Limits.TextMax.ToString("N0", Money.Danish));
        }

        return errors;
    }
}
