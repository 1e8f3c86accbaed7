using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Features.Cases;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Notes;

/// <summary>
/// Writing and correcting internal notes. Every rule is checked here on the server: who reads
/// notes, the case's visibility, one level of replies, who may be mentioned, and the author's
/// ten-minute edit window measured by the pipeline's clock.
/// </summary>
public sealed class NoteService(CaseChangePipeline changes)
{
    public const string BodyField = nameof(NoteInput.Body);
    public const string MentionsField = nameof(NoteInput.MentionedUserIds);

    public Task<CaseCommandResult> AddAsync(string caseNumber, NoteInput input, Actor actor, CancellationToken ct = default) =>
        changes.RunAsync<CaseCommandResult>(async scope =>
        {
            var c = await LoadAsync(scope.Db, caseNumber, ct);
            if (c is null || !actor.CanSee(c))
            {
                return new CaseCommandResult.NotFound(WorkflowText.NotFound);
            }

            if (!actor.MayWriteNote(c))
            {
                return new CaseCommandResult.Refused(NoteText.NotAllowed);
            }

            if (input.ParentId is { } parentId)
            {
                var parent = await scope.Db.CaseNotes.SingleOrDefaultAsync(n => n.Id == parentId && n.CaseId == c.Id, ct);
                if (parent is null)
                {
                    return new CaseCommandResult.Refused(NoteText.Reply_ParentMissing);
                }

                if (parent.ParentId is not null)
                {
                    return new CaseCommandResult.Refused(NoteText.Reply_OneLevel);
                }
            }

            var mentions = input.MentionedUserIds.Distinct().ToList();
            var errors = Validate(input.Body);
            if (await WhyNotMentionedAsync(scope.Db, c, mentions, ct) is { } mentionError)
            {
                errors[MentionsField] = mentionError;
            }

            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            var note = new CaseNote
            {
                CaseId = c.Id,
                ParentId = input.ParentId,
                AuthorUserId = actor.UserId,
                AuthorName = actor.Name,
                Body = Text.Clean(input.Body),
                MentionedUserIds = mentions,
                CreatedAt = scope.Now,
            };
            scope.Db.CaseNotes.Add(note);
            await scope.SaveAsync();
            scope.Record(c, CaseEvent.ForAnnotation(c, CaseEventKind.NoteAdded, actor, scope.Now, new NoteEventData(note.Id, note.ParentId, mentions)));
            return new CaseCommandResult.Done(c.CaseNumber, c.Version, NoteText.Saved);
        }, m => new CaseCommandResult.Refused(m), ct);

    /// <summary>The author corrects the text within <see cref="CaseNote.EditWindow"/>; the mentions stay as written.</summary>
    public Task<CaseCommandResult> EditAsync(string caseNumber, int noteId, string? body, Actor actor, CancellationToken ct = default) =>
        changes.RunAsync<CaseCommandResult>(async scope =>
        {
            var c = await LoadAsync(scope.Db, caseNumber, ct);
            if (c is null || !actor.CanSee(c))
            {
                return new CaseCommandResult.NotFound(WorkflowText.NotFound);
            }

            var note = await scope.Db.CaseNotes.SingleOrDefaultAsync(n => n.Id == noteId && n.CaseId == c.Id, ct);
            if (!actor.MayWriteNote(c) || note is null)
            {
                return new CaseCommandResult.Refused(NoteText.NotAllowed);
            }

            if (note.AuthorUserId != actor.UserId)
            {
                return new CaseCommandResult.Refused(NoteText.Edit_NotAuthor);
            }

            if (!note.IsEditableAt(scope.Now))
            {
                return new CaseCommandResult.Refused(NoteText.Edit_Fixed);
            }

            var errors = Validate(body);
            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            note.Body = Text.Clean(body);
            note.EditedAt = scope.Now;
            scope.Record(c, CaseEvent.ForAnnotation(c, CaseEventKind.NoteEdited, actor, scope.Now, new NoteEventData(note.Id, note.ParentId, [])));
            return new CaseCommandResult.Done(c.CaseNumber, c.Version, NoteText.Edited);
        }, m => new CaseCommandResult.Refused(m), ct);

    public static Dictionary<string, string> Validate(string? body)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(body))
        {
            errors[BodyField] = NoteText.Body_Required;
        }
        else if (body.Length > Limits.TextMax)
        {
            errors[BodyField] = string.Format(NoteText.Body_TooLong, Limits.TextMax.ToString("N0", Money.Danish));
        }

        return errors;
    }

    /// <summary>
    /// A mention must reach someone who may read the note. We refuse the note rather than silently
    /// drop the name, so the writer knows the person will not be told.
    /// </summary>
    private static async Task<string?> WhyNotMentionedAsync(AppDbContext db, InnovationCase c, List<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return null;
        }

        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        var refused = ids.FirstOrDefault(id => people.FirstOrDefault(p => p.Id == id) is not { IsActive: true } p || !MayBeMentioned(p.ToActor(), c));
        if (refused is null)
        {
            return null;
        }

        var name = people.FirstOrDefault(p => p.Id == refused)?.DisplayName;
        return name is null ? NoteText.Mention_Unknown : string.Format(NoteText.Mention_CannotSee, name);
    }

    internal static bool MayBeMentioned(Actor person, InnovationCase c) => person.MayReadNotes() && person.CanSee(c);

    internal static Task<InnovationCase?> LoadAsync(AppDbContext db, string caseNumber, CancellationToken ct) =>
        db.Cases.Include(x => x.PartnerDepartments).Include(x => x.Assignments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, ct);
}
