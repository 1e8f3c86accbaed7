using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Cases.Intake;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Cases.Effects;

/// <summary>
/// Yearly effect reports of granted projects, added by the lead department's staff or a caseworker.
/// The final report is the Evaluate move's (the workflow adds it); these are the ones in between.
/// </summary>
public sealed class EffectReportService(CaseChangePipeline changes)
{
    public async Task<CaseCommandResult> AddAsync(string caseNumber, EffectReportInput input, Actor actor, CancellationToken ct = default)
    {
        return await changes.RunAsync<CaseCommandResult>(async scope =>
        {
            var db = scope.Db;
            // Only once granted: the stage must not change under the report (a move waits, or this retries).
            await db.LockCaseForShareAsync(caseNumber, ct);
            var c = await db.Cases.Include(x => x.PartnerDepartments).SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, ct);
            if (c is null || !actor.CanSee(c))
            {
                return new CaseCommandResult.NotFound(WorkflowText.NotFound);
            }

            if (!actor.MayReportEffects(c))
            {
                return new CaseCommandResult.Refused(CaseText.Effect_NotAllowed);
            }

            var now = scope.Now;
            var errors = Validate(input, DanishTime.Today(now).Year);
            if (errors.Count == 0 && await db.EffectReports.AnyAsync(r => r.CaseId == c.Id && r.Year == input.Year && !r.IsFinal, ct))
            {
                errors = new Dictionary<string, string> { [nameof(input.Year)] = string.Format(CaseText.Effect_YearExists, input.Year) };
            }

            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            var report = new EffectReport
            {
                CaseId = c.Id,
                Year = input.Year!.Value,
                RealisedAnnualGain = input.RealisedAnnualGain!.Value,
                Narrative = Text.Clean(input.Narrative),
                ReportedByUserId = actor.UserId,
                ReportedByName = actor.Name,
                CreatedAt = now,
            };
            db.EffectReports.Add(report);
            scope.Record(c, CaseEvent.ForAnnotation(c, CaseEventKind.EffectReported, actor, now, new { report.Year, report.RealisedAnnualGain }));
            return new CaseCommandResult.Done(c.CaseNumber, c.Version, CaseText.Effect_Saved);
        }, m => new CaseCommandResult.Refused(m), ct);
    }

    public static Dictionary<string, string> Validate(EffectReportInput input, int currentYear)
    {
        var errors = new Dictionary<string, string>();
        if (input.Year is not { } y || y < Limits.FirstYear || y > currentYear + 1)
        {
            errors[nameof(input.Year)] = string.Format(CaseText.Effect_Year, Limits.FirstYear, currentYear + 1);
        }

        if (input.RealisedAnnualGain is not { } g || g < 0)
        {
            errors[nameof(input.RealisedAnnualGain)] = CaseText.Effect_Gain;
        }
        else if (g > Limits.AmountMax)
        {
            errors[nameof(input.RealisedAnnualGain)] = string.Format(CaseText.Effect_GainTooLarge, Money.Format(Limits.AmountMax));
        }

        if (string.IsNullOrWhiteSpace(input.Narrative))
        {
            errors[nameof(input.Narrative)] = CaseText.Effect_Narrative;
        }
        else if (input.Narrative.Length > Limits.TextMax)
        {
            errors[nameof(input.Narrative)] = string.Format(CaseText.TextTooLong, Limits.TextMax.ToString("N0", Money.Danish));
        }

        return errors;
    }
}
