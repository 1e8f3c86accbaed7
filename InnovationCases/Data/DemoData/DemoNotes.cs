using InnovationCases.Domain;
using InnovationCases.Features.Notes;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data.DemoData;

/// <summary>Internal notes on two screened demo cases: a caseworker's note mentioning the director, and the director's reply.</summary>
public static class DemoNotes
{
    public static Task SeedAsync(DbWriter writer, DateTime now, IReadOnlyDictionary<string, Actor> users, CancellationToken ct) => writer.WriteAsync(async db =>
    {
        if (await db.CaseNotes.AnyAsync(ct))
        {
            return 0;
        }

        var caseworker = users["sagsbehandler@aarhus.example"];
        var director = users["direktoer@aarhus.example"];
        var cases = await db.Cases.Where(c => c.Stage == Stage.Screened).OrderBy(c => c.Id).Take(2).ToListAsync(ct);
        foreach (var (c, n) in cases.Select((c, n) => (c, n)))
        {
            var at = now.AddDays(-2 + n).AddHours(-3);
            var note = new CaseNote
            {
                CaseId = c.Id,
                AuthorUserId = caseworker.UserId,
                AuthorName = caseworker.Name,
                Body = $"@{director.Name} kan du se på gevinstberegningen inden mødet? Tallene for år 2 virker høje.",
                MentionedUserIds = [director.UserId],
                CreatedAt = at,
            };
            db.CaseNotes.Add(note);
            await db.SaveChangesAsync(ct);
            db.CaseEvents.Add(CaseEvent.ForAnnotation(c, CaseEventKind.NoteAdded, caseworker, at, new NoteEventData(note.Id, null, note.MentionedUserIds)));

            var reply = new CaseNote
            {
                CaseId = c.Id,
                ParentId = note.Id,
                AuthorUserId = director.UserId,
                AuthorName = director.Name,
                Body = "Enig, de skal begrundes. Jeg tager det op med afdelingen.",
                CreatedAt = at.AddHours(2),
            };
            db.CaseNotes.Add(reply);
            await db.SaveChangesAsync(ct);
            db.CaseEvents.Add(CaseEvent.ForAnnotation(c, CaseEventKind.NoteAdded, director, reply.CreatedAt, new NoteEventData(reply.Id, note.Id, [])));
        }

        return await db.SaveChangesAsync(ct);
    }, ct);
}
