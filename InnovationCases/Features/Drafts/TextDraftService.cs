using System.Text.Json;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Drafts;

/// <summary>
/// Keeps what a person has typed into a form on a case (an assessment, a move dialog's long texts)
/// until the form's work is saved, so that a lost circuit, a restart or a deploy loses nothing.
/// A draft belongs to its author: nobody else reads, overwrites or deletes it.
/// </summary>
public sealed class TextDraftService(IDbContextFactory<AppDbContext> dbFactory, DbWriter writer, TimeProvider clock)
{
    /// <summary>Saves (or replaces) the actor's draft of this form; returns when it was saved, or a refusal.</summary>
    public async Task<(DateTime? SavedAt, string? Error)> SaveAsync(
        string caseNumber, string formKind, IReadOnlyDictionary<string, string?> fields, Actor actor, CancellationToken ct = default)
    {
        if (caseNumber.Length > TextDraftLimits.KeyMax || formKind.Length > TextDraftLimits.KeyMax
            || fields.Count > TextDraftLimits.FieldsMax || fields.Keys.Any(k => k.Length > TextDraftLimits.KeyMax))
        {
            return (null, DraftText.TooLarge);
        }

        var cleaned = fields.Where(f => !string.IsNullOrEmpty(f.Value)).ToDictionary(f => f.Key, f => Text.Clean(f.Value));
        var json = JsonSerializer.Serialize(cleaned);
        if (json.Length > Features.Cases.Intake.IntakeService.DraftMaxChars)
        {
            return (null, DraftText.TooLarge);
        }

        return await writer.WriteAsync(async db =>
        {
            // Only for a case the actor may see: a draft is no way to learn which case numbers exist.
            if (!await db.Cases.VisibleTo(actor).AnyAsync(c => c.CaseNumber == caseNumber, ct))
            {
                return ((DateTime?)null, (string?)DraftText.CaseNotFound);
            }

            var draft = await db.TextDrafts.SingleOrDefaultAsync(Key(caseNumber, formKind, actor), ct);
            if (draft is null)
            {
                draft = new TextDraft { OwnerUserId = actor.UserId, CaseNumber = caseNumber, FormKind = formKind };
                db.TextDrafts.Add(draft);
            }

            draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            draft.PayloadJson = json;
            await db.SaveChangesAsync(ct);
            return ((DateTime?)draft.UpdatedAt, (string?)null);
        }, ct);
    }

    /// <summary>The actor's own draft of this form, or null.</summary>
    public async Task<SavedText?> LoadAsync(string caseNumber, string formKind, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.TextDrafts.AsNoTracking().SingleOrDefaultAsync(Key(caseNumber, formKind, actor), ct);
        if (draft is null)
        {
            return null;
        }

        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(draft.PayloadJson) ?? [];
        return new SavedText(fields, draft.UpdatedAt);
    }

    /// <summary>Removes the actor's draft of this form: its work has been saved, or they threw it away.</summary>
    public Task DeleteAsync(string caseNumber, string formKind, Actor actor, CancellationToken ct = default) =>
        writer.WriteAsync(async db => await db.TextDrafts.Where(Key(caseNumber, formKind, actor)).ExecuteDeleteAsync(ct), ct);

    private static System.Linq.Expressions.Expression<Func<TextDraft, bool>> Key(string caseNumber, string formKind, Actor actor) =>
        d => d.OwnerUserId == actor.UserId && d.CaseNumber == caseNumber && d.FormKind == formKind;
}
