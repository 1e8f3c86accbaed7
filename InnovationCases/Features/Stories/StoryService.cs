using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Features.Cases;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Stories;

/// <summary>
/// Stories (fortællinger): the lead department's staff or a caseworker writes one per granted case,
/// a caseworker publishes or unpublishes it. Every change goes through the case-change pipeline and
/// is an event on the case; publishing also changes what the public pages show (their cache listens).
/// </summary>
public sealed class StoryService(IDbContextFactory<AppDbContext> dbFactory, CaseChangePipeline changes)
{
    public async Task<StoryView?> GetAsync(string caseNumber, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Cases.AsNoTracking().VisibleTo(actor).SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, ct);
        if (c is null)
        {
            return null;
        }

        var story = await db.Stories.AsNoTracking().SingleOrDefaultAsync(s => s.CaseId == c.Id, ct);
        return new StoryView(story, actor.MayWriteStory(c), actor.MayPublishStory() && c.GrantedAmount is not null);
    }

    public async Task<CaseCommandResult> SaveAsync(string caseNumber, StoryInput input, Actor actor, CancellationToken ct = default)
    {
        var errors = Validate(input);
        return await changes.RunAsync<CaseCommandResult>(async scope =>
        {
            var c = await FindAsync(scope, caseNumber, actor);
            if (c is null)
            {
                return new CaseCommandResult.NotFound(WorkflowText.NotFound);
            }

            if (!actor.MayWriteStory(c))
            {
                return new CaseCommandResult.Refused(SpreadText.Story_NotAllowed);
            }

            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            var story = await scope.Db.Stories.SingleOrDefaultAsync(s => s.CaseId == c.Id, scope.Ct);
            if (story is null)
            {
                story = new Story { CaseId = c.Id };
                scope.Db.Stories.Add(story);
            }

            story.Title = Text.Clean(input.Title);
            story.Lead = Text.Clean(input.Lead);
            story.BodyMarkdown = input.Body.Trim();
            story.WentWrong = Text.Clean(input.WentWrong);
            story.UpdatedAt = scope.Now;
            story.WrittenByName = actor.Name;
            scope.Record(c, CaseEvent.ForAnnotation(c, CaseEventKind.StorySaved, actor, scope.Now, new { story.Title }));
            return new CaseCommandResult.Done(c.CaseNumber, c.Version, SpreadText.Story_Saved);
        }, m => new CaseCommandResult.Refused(m), ct);
    }

    /// <summary>Publishes (or takes back) the case's story; only a caseworker, and only a granted case's.</summary>
    public async Task<CaseCommandResult> SetPublishedAsync(string caseNumber, bool publish, Actor actor, CancellationToken ct = default)
    {
        return await changes.RunAsync<CaseCommandResult>(async scope =>
        {
            var c = await FindAsync(scope, caseNumber, actor);
            if (c is null)
            {
                return new CaseCommandResult.NotFound(WorkflowText.NotFound);
            }

            if (!actor.MayPublishStory() || c.GrantedAmount is null)
            {
                return new CaseCommandResult.Refused(SpreadText.Story_PublishNotAllowed);
            }

            var story = await scope.Db.Stories.SingleOrDefaultAsync(s => s.CaseId == c.Id, scope.Ct);
            if (story is null)
            {
                return new CaseCommandResult.Refused(SpreadText.Story_None);
            }

            if (story.IsPublished == publish)
            {
                return new CaseCommandResult.Done(c.CaseNumber, c.Version);
            }

            story.IsPublished = publish;
            story.PublishedAt = publish ? scope.Now : null;
            var kind = publish ? CaseEventKind.StoryPublished : CaseEventKind.StoryUnpublished;
            scope.Record(c, CaseEvent.ForAnnotation(c, kind, actor, scope.Now, new { story.Title }));
            return new CaseCommandResult.Done(c.CaseNumber, c.Version, publish ? SpreadText.Story_Published : SpreadText.Story_Unpublished);
        }, m => new CaseCommandResult.Refused(m), ct);
    }

    public static Dictionary<string, string> Validate(StoryInput input)
    {
        var errors = new Dictionary<string, string>();
        Require(errors, nameof(input.Title), input.Title, Limits.TitleMax, SpreadText.Story_TitleRequired);
        Require(errors, nameof(input.Lead), input.Lead, Limits.SummaryMax, SpreadText.Story_LeadRequired);
        Require(errors, nameof(input.Body), input.Body, Limits.StoryMax, SpreadText.Story_BodyRequired);
        if ((input.WentWrong?.Length ?? 0) > Limits.TextMax)
        {
            errors[nameof(input.WentWrong)] = TooLong(Limits.TextMax);
        }

        foreach (var (field, value) in new[] { (nameof(input.Title), input.Title), (nameof(input.Lead), input.Lead), (nameof(input.Body), input.Body), (nameof(input.WentWrong), input.WentWrong) })
        {
            if (!errors.ContainsKey(field) && StoryHtml.LooksHostile(value))
            {
                errors[field] = SpreadText.Story_Hostile;
            }
        }

        return errors;
    }

    private static void Require(Dictionary<string, string> errors, string field, string? value, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = missing;
        }
        else if (value.Length > max)
        {
            errors[field] = TooLong(max);
        }
    }

    private static string TooLong(int max) => string.Format(SpreadText.TooLong, max.ToString("N0", Money.Danish));

    private static Task<InnovationCase?> FindAsync(CaseChangeScope scope, string caseNumber, Actor actor) =>
        scope.Db.Cases.VisibleTo(actor).SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, scope.Ct);
}
