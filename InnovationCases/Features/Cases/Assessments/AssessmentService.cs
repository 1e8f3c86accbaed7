using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Assignments;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.CaseChanges;
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
    CaseChangePipeline changes)
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

    public async Task<CaseCommandResult> AddAsync(string caseNumber, AssessmentInput input, Actor actor, CancellationToken ct = default)
    {
        return await changes.RunAsync<CaseCommandResult>(async scope =>
        {
            var db = scope.Db;
            // Only while Screened: the stage must not change under the assessment (a move waits, or this retries).
            await db.LockCaseForShareAsync(caseNumber, ct);
            var c = await db.Cases.Include(x => x.PartnerDepartments).Include(x => x.Pool)
                .SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, ct);
            if (c is null || !actor.CanSee(c))
            {
                return new CaseCommandResult.NotFound(WorkflowText.NotFound);
            }

            var already = await db.Assessments.AnyAsync(a => a.CaseId == c.Id && a.AssessorUserId == actor.UserId, ct);
            if (AssessmentRules.WhyNot(actor, c, c.Pool!.Kind, already) is { } reason)
            {
                return new CaseCommandResult.Refused(reason);
            }

            // Whoever declared a conflict of interest (inhabilitet) on the case has stepped aside: no score from them.
            if (await db.CaseAssignments.AnyAsync(a => a.CaseId == c.Id && a.UserId == actor.UserId && a.ConflictDeclaredAt != null, ct))
            {
                return new CaseCommandResult.Refused(AssignmentText.Conflict_NoScore);
            }

            var errors = Validate(input);
            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            var now = scope.Now;
            var assessment = new Assessment
            {
                CaseId = c.Id,
                AssessorUserId = actor.UserId,
                AssessorName = actor.Name,
                AssessorDepartmentId = actor.DepartmentId,
                MainCriterionMet = input.MainCriterionMet!.Value,
                Comment = Text.Clean(input.Comment),
                CreatedAt = now,
                Scores = Enum.GetValues<Criterion>()
                    .Select(k => new CriterionScore { Criterion = k, Score = input.Scores[k]!.Value, Comment = Text.Clean(input.Comments.GetValueOrDefault(k)) })
                    .ToList(),
            };
            db.Assessments.Add(assessment);

            // The assessor's assignment on the case, if they had one, is done by this assessment.
            var assigned = await db.CaseAssignments.FirstOrDefaultAsync(
                a => a.CaseId == c.Id && a.UserId == actor.UserId && a.Kind == AssignmentKind.Assessment && a.DoneAt == null, ct);
            assigned?.DoneAt = now;
            scope.Record(c, CaseEvent.ForAnnotation(c, CaseEventKind.Assessed, actor, now, new { assessment.MainCriterionMet, assessment.AverageScore }));
            return new CaseCommandResult.Done(c.CaseNumber, c.Version, CaseText.Assess_Saved);
        }, m => new CaseCommandResult.Refused(m), ct);
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
