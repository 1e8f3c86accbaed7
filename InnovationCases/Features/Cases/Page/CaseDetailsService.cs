using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Cases.Assessments;
using InnovationCases.Features.Cases.Effects;
using InnovationCases.Features.Cases.Intake;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Cases.Page;

/// <summary>Reads one case for the case page, through <see cref="CaseScope"/>: a case the actor may not see is simply not found.</summary>
public sealed class CaseDetailsService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<CaseDetails?> GetAsync(string caseNumber, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Cases.AsNoTracking().VisibleTo(actor)
            .Include(x => x.PartnerDepartments)
            .Include(x => x.ExternalPartners)
            .Include(x => x.EffectReports)
            .Include(x => x.Pool)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, ct);
        if (c is null)
        {
            return null;
        }

        if (!actor.MayReadContactDetails())
        {
            // The advisory board reads the project, never how to reach its people: not on the page,
            // and not through an edit's old and new values in the history either.
            c.ContactEmail = "";
            c.ContactPhone = "";
        }

        var names = await db.Departments.ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var events = (await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Id).ToListAsync(ct))
            .Where(e => actor.MayReadEvent(e.Kind)).ToList();
        if (!actor.MayReadAssessments())
        {
            // That the case was assessed is part of its history; the scores are not for department staff.
            foreach (var e in events.Where(e => e.Kind == CaseEventKind.Assessed))
            {
                e.DataJson = null;
            }
        }

        if (!actor.MayReadContactDetails())
        {
            foreach (var e in events.Where(e => e.Kind == CaseEventKind.Edited))
            {
                e.DataJson = null;
            }
        }

        var assessed = await db.Assessments.AnyAsync(a => a.CaseId == c.Id && a.AssessorUserId == actor.UserId, ct);
        return new CaseDetails(
            c,
            c.Pool!,
            names,
            events,
            actor.MayEdit(c),
            actor.MayReportEffects(c),
            AssessmentRules.WhyNot(actor, c, c.Pool!.Kind, assessed));
    }
}
