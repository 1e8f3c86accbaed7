using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data.DemoData;

/// <summary>
/// Demo stories, adoptions and one "byg videre på" pair on top of the seeded cases: stories on
/// several evaluated cases (the first ones published), one about a stopped project and what was
/// learnt, adoptions of evaluated solutions by other departments. Skipped once any story exists.
/// </summary>
internal static class DemoSpread
{
    public static Task SeedAsync(DbWriter writer, DateTime now, IReadOnlyDictionary<string, Actor> users, CancellationToken ct) => writer.WriteAsync(async db =>
    {
        if (await db.Stories.AnyAsync(ct) || !users.TryGetValue("sagsbehandler@aarhus.example", out var caseworker))
        {
            return 0;
        }

        var evaluated = await db.Cases.Where(c => c.Stage == Stage.Evaluated && c.GrantedAmount != null).OrderBy(c => c.Id).Take(4).ToListAsync(ct);
        var stopped = await db.Cases.Where(c => c.Stage == Stage.Stopped && c.GrantedAmount != null).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        var departments = await db.Departments.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
        var at = now.AddDays(-20);
        for (var i = 0; i < evaluated.Count; i++)
        {
            var c = evaluated[i];
            AddStory(db, c, caseworker, at.AddDays(i), publish: i < 3, Stories[i % Stories.Length]);
            foreach (var d in departments.Where(d => d != c.LeadDepartmentId).Take(i == 0 ? 2 : 1))
            {
                var adoption = new Adoption
                {
                    CaseId = c.Id, DepartmentId = d, AdoptedOn = DateOnly.FromDateTime(at.AddDays(i + 2)), ExpectedAnnualGain = 150_000 + 50_000 * i,
                    Note = "Løsningen er tilpasset afdelingens egne arbejdsgange.", RecordedByUserId = caseworker.UserId, RecordedByName = caseworker.Name,
                    CreatedAt = at.AddDays(i + 2),
                };
                db.Adoptions.Add(adoption);
                db.CaseEvents.Add(CaseEvent.ForAnnotation(c, CaseEventKind.Adopted, caseworker, adoption.CreatedAt,
                    new { adoption.DepartmentId, AdoptedOn = adoption.AdoptedOn.ToString("yyyy-MM-dd"), adoption.ExpectedAnnualGain }));
            }
        }

        if (stopped is not null)
        {
            AddStory(db, stopped, caseworker, at.AddDays(5), publish: true, StoppedStory);
        }

        // "Byg videre på": the newest open application carries on from the first evaluated project.
        var follower = await db.Cases.Where(c => c.Stage == Stage.Submitted || c.Stage == Stage.Screened).OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (follower is not null && evaluated.Count > 0)
        {
            follower.BuildsOnCaseId = evaluated[0].Id;
        }

        await db.SaveChangesAsync(ct);
        return 1;
    }, ct);

    private static void AddStory(AppDbContext db, InnovationCase c, Actor by, DateTime at, bool publish, (string Title, string Lead, string Body, string WentWrong) text)
    {
        db.Stories.Add(new Story
        {
            CaseId = c.Id, Title = text.Title, Lead = text.Lead, BodyMarkdown = text.Body, WentWrong = text.WentWrong,
            IsPublished = publish, PublishedAt = publish ? at.AddHours(2) : null, UpdatedAt = at, WrittenByName = by.Name,
        });
        db.CaseEvents.Add(CaseEvent.ForAnnotation(c, CaseEventKind.StorySaved, by, at, new { text.Title }));
        if (publish)
        {
            db.CaseEvents.Add(CaseEvent.ForAnnotation(c, CaseEventKind.StoryPublished, by, at.AddHours(2), new { text.Title }));
        }
    }

    private static readonly (string, string, string, string)[] Stories =
    [
        ("Færre skridt, mere tid til borgerne", "Et lille værktøj sparede medarbejderne for gentagne indtastninger – og det bredte sig hurtigt.",
         "Vi startede med **ét team** og en enkel idé: skriv tingene ned én gang.\n\n- Vi kortlagde arbejdsgangen sammen med medarbejderne\n- Vi testede i fire uger\n- Vi målte tidsforbruget før og efter\n\nResultatet var tydeligt, og to andre afdelinger har siden taget løsningen i brug.",
         "Leverandøren var tre måneder forsinket, og det første pilotteam nåede ikke at blive trænet, før testen startede."),
        ("Sensorer der sparer kørsel", "Målinger i stedet for faste ruter gav færre unødvendige ture.",
         "Sensorerne sender besked, når der er brug for et besøg. Det har *halveret* de tomme ture.\n\nLæs mere i [kommunens rapport](https://www.aarhus.dk).",
         "Batterierne holdt kortere end lovet i frost, så vi måtte skifte dem to gange i vinteren."),
        ("Sammen om en bedre opstart", "Nye medarbejdere kom hurtigere i gang med en fælles digital introduktion.",
         "Vi samlede introduktionen ét sted og lod erfarne kolleger optage korte film.\n\n1. Planlægning\n2. Optagelser\n3. Udrulning",
         ""),
    ];

    private static readonly (string, string, string, string) StoppedStory =
        ("Det vi lærte af et stoppet projekt", "Projektet blev stoppet efter første fase – men erfaringerne bruges nu i tre andre projekter.",
         "Vi ville automatisere visitationen, men datagrundlaget var ikke godt nok.\n\nVi stoppede i tide og brugte de sparede midler bedre.",
         "Vi undervurderede, hvor meget data der manglede, og burde have lavet en forundersøgelse først.");
}
