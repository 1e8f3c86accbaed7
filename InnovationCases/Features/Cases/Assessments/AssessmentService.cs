using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Live;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Cases.Assessments;

/// <summary>
/// The director group's scoring of screened cases. Scores are read only by caseworkers, the
/// director group and managers: department staff get nothing from this service, whatever the page
/// shows. On the cross-cutting pool an assessor from the lead or a partner department is refused
/// ("friske øjne").
/// </summary>
public sealed class AssessmentService(
    IDbContextFactory<AppDbContext> dbFactory,
    DbWriter writer,
    TimeProvider clock,
    CaseChangeNotifier notifier)
{
    public const int CommentMax = Limits.TextMax;

    /// <summary>The case's assessments, or null when the actor may not read them or cannot see the case.</summary>
    public async Task<AssessmentsView?> GetAsync(string caseNumber, Actor actor, CancellationToken ct = default)
    {
        if (!actor.MayReadAssessments())
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Cases.VisibleTo(actor).Where(x => x.CaseNumber == caseNumber).Select(x => new { x.Id }).SingleOrDefaultAsync(ct);
        if (c is null)
        {
            return null;
        }

        var list = await db.Assessments.AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        return new AssessmentsView(list);
    }

    /// <summary>Why the actor may not assess the case now, or null when they may.</summary>
    public static string? WhyNot(Actor actor, InnovationCase c, Pool pool, bool alreadyAssessed)
    {
        if (!actor.MayAssess())
        {
            return CaseText.Assess_OnlyDirectorGroup;
        }

        if (c.Stage != Stage.Screened)
        {
            return string.Format(CaseText.Assess_OnlyScreened, c.Stage.Label());
        }

        if (pool.Kind == PoolKind.CrossCutting && actor.DepartmentId is { } d && c.InvolvesDepartment(d))
        {
            return CaseText.Assess_FreshEyes;
        }

        return alreadyAssessed ? CaseText.Assess_Already : null;
    }

    public async Task<CaseCommandResult> AddAsync(string caseNumber, AssessmentInput input, Actor actor, CancellationToken ct = default)
    {
        CaseChange? change = null;
        var result = await writer.WriteAsync<CaseCommandResult>(async db =>
        {
            change = null;
            var c = await db.Cases.Include(x => x.PartnerDepartments).Include(x => x.Pool)
                .SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, ct);
            if (c is null || !actor.CanSee(c))
            {
                return new CaseCommandResult.NotFound(WorkflowText.NotFound);
            }

            var already = await db.Assessments.AnyAsync(a => a.CaseId == c.Id && a.AssessorUserId == actor.UserId, ct);
            if (WhyNot(actor, c, c.Pool!, already) is { } reason)
            {
                return new CaseCommandResult.Refused(reason);
            }

            var errors = Validate(input);
            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var assessment = new Assessment
            {
                CaseId = c.Id,
                AssessorUserId = actor.UserId,
                AssessorName = actor.Name,
                AssessorDepartmentId = actor.DepartmentId,
                MainCriterionMet = input.MainCriterionMet!.Value,
                Comment = input.Comment.Trim(),
                CreatedAt = now,
                Scores = Enum.GetValues<Criterion>()
                    .Select(k => new CriterionScore { Criterion = k, Score = input.Scores[k]!.Value, Comment = input.Comments.GetValueOrDefault(k)?.Trim() ?? "" })
                    .ToList(),
            };
            db.Assessments.Add(assessment);
            var ev = CaseEvent.ForAnnotation(c, CaseEventKind.Assessed, actor, now, new { assessment.MainCriterionMet, assessment.AverageScore });
            db.CaseEvents.Add(ev);
            await db.SaveChangesAsync(ct);
            change = CaseChange.For(c, ev);
            return new CaseCommandResult.Done(c.CaseNumber, c.Version, CaseText.Assess_Saved);
        }, ct);

        if (change is not null)
        {
            notifier.Publish(change);
        }

        return result;
    }

    /// <summary>Every criterion scored 1–5, the main criterion answered, comments within length.</summary>
    public static IReadOnlyDictionary<string, string> Validate(AssessmentInput input)
    {
        var errors = new Dictionary<string, string>();
        if (input.MainCriterionMet is null)
        {
            errors["Main"] = CaseText.Assess_MainRequired;
        }

        foreach (var k in Enum.GetValues<Criterion>())
        {
            if (input.Scores.GetValueOrDefault(k) is not { } s || s < CriterionScore.Min || s > CriterionScore.Max)
            {
                errors[$"Score_{k}"] = string.Format(CaseText.Assess_ScoreRequired, CriterionScore.Min, CriterionScore.Max);
            }

            if ((input.Comments.GetValueOrDefault(k)?.Length ?? 0) > CommentMax)
            {
                errors[$"Comment_{k}"] = string.Format(CaseText.TextTooLong, CommentMax.ToString("N0", Money.Danish));
            }
        }

        if (input.Comment.Length > CommentMax)
        {
            errors["Comment"] = string.Format(CaseText.TextTooLong, CommentMax.ToString("N0", Money.Danish));
        }

        return errors;
    }
}
