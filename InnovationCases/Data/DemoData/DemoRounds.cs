using InnovationCases.Domain;
using InnovationCases.Domain.Assignments;
using InnovationCases.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data.DemoData;

/// <summary>
/// Issue 13's demo: last year's two rounds, this year's open round holding this year's
/// cross-cutting cases, assessor assignments (some overdue, one conflict of interest) and advice
/// from the advisory board. Skipped when rounds exist.
/// </summary>
public static class DemoRounds
{
    public static Task SeedAsync(DbWriter writer, DateTime now, IReadOnlyDictionary<string, Actor> users, CancellationToken ct) => writer.WriteAsync(async db =>
    {
        if (await db.Rounds.AnyAsync(ct))
        {
            return 0;
        }

        var today = DanishTime.Today(now);
        var last = today.Year - 1;
        var crossCutting = await db.Cases.Include(c => c.PartnerDepartments)
            .Where(c => c.Pool!.Kind == PoolKind.CrossCutting && c.BudgetYear == today.Year)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var firstSubmitted = crossCutting.Count == 0 ? today : crossCutting.Min(c => DanishTime.Today(c.SubmittedAt));
        var opens = firstSubmitted < today.AddDays(-30) ? firstSubmitted : today.AddDays(-30);
        var current = Round($"Runde 1 {today.Year}", opens, today.AddDays(21), 42);
        db.Rounds.AddRange(
            Round($"Forår {last}", new DateOnly(last, 2, 1), new DateOnly(last, 3, 15), 42),
            Round($"Efterår {last}", new DateOnly(last, 8, 15), new DateOnly(last, 9, 30), 35),
            current);
        await db.SaveChangesAsync(ct);
        foreach (var c in crossCutting)
        {
            c.RoundId = current.Id;
        }

        var caseworker = users[DemoAccounts.All.First(a => a.Role == Role.Caseworker).Email];
        var screened = crossCutting.Where(c => c.Stage == Stage.Screened).ToList();
        var assessors = DemoAccounts.All.Where(a => a.Role == Role.DirectorGroup).Select(a => users[a.Email]).ToList();
        var spread = AssignmentRules.Spread(screened, assessors, (c, a) => a.DepartmentId is not { } d || !c.InvolvesDepartment(d));
        var i = 0;
        foreach (var (c, assessor) in spread.Where(s => s.Person is not null))
        {
            // Every third is overdue, so "Mine vurderinger" shows its order.
            var due = i++ % 3 == 0 ? today.AddDays(-4) : today.AddDays(10 + i);
            Add(db, c, Assignment(c, assessor!, AssignmentKind.Assessment, due, caseworker, now), caseworker);
        }

        if (screened.Count > 0 && assessors.Count > 1)
        {
            // One declared conflict of interest: the case now needs another assessor.
            var conflicted = Assignment(screened[^1], assessors[^1], AssignmentKind.Assessment, today.AddDays(7), caseworker, now);
            if (!db.CaseAssignments.Local.Any(a => a.CaseId == conflicted.CaseId && a.UserId == conflicted.UserId))
            {
                conflicted.ConflictDeclaredAt = now.AddDays(-1);
                conflicted.ConflictReason = "Min ægtefælle leder projektets leverandør.";
                Add(db, screened[^1], conflicted, caseworker);
                db.CaseEvents.Add(CaseEvent.ForAnnotation(screened[^1], CaseEventKind.ConflictDeclared, assessors[^1], conflicted.ConflictDeclaredAt.Value,
                    new { conflicted.Kind, Reason = conflicted.ConflictReason }));
            }
        }

        var panel = users["panel@aarhus.example"];
        foreach (var (c, n) in crossCutting.Where(c => c.Stage is Stage.Screened or Stage.Recommended).Take(3).Select((c, n) => (c, n)))
        {
            var advice = Assignment(c, panel, AssignmentKind.Advice, today.AddDays(n == 2 ? -2 : 14), caseworker, now);
            if (n == 0)
            {
                advice.Advice = "Projektet bør afprøves i én afdeling først og måle tidsforbruget før og efter.";
                advice.DoneAt = now.AddDays(-2);
            }

            Add(db, c, advice, caseworker);
            if (advice.DoneAt is { } at)
            {
                db.CaseEvents.Add(CaseEvent.ForAnnotation(c, CaseEventKind.AdviceGiven, panel, at, new { Length = advice.Advice!.Length }));
            }
        }

        await db.SaveChangesAsync(ct);
        return 1;
    }, ct);

    // Every assignment has its event, as the app's own assignments do.
    private static void Add(AppDbContext db, InnovationCase c, CaseAssignment a, Actor by)
    {
        db.CaseAssignments.Add(a);
        db.CaseEvents.Add(CaseEvent.ForAnnotation(c, CaseEventKind.AssessorAssigned, by, a.AssignedAt,
            new { Kind = a.Kind.ToString(), DisplayName = a.UserName, a.DueDate }));
    }

    private static ApplicationRound Round(string name, DateOnly opens, DateOnly deadline, int targetDays) => new()
    {
        Name = name,
        OpensOn = opens,
        Deadline = deadline,
        TargetAnswerDate = deadline.AddDays(targetDays),
        CreatedByUserId = "demo",
    };

    private static CaseAssignment Assignment(InnovationCase c, Actor person, AssignmentKind kind, DateOnly due, Actor by, DateTime now) => new()
    {
        CaseId = c.Id,
        UserId = person.UserId,
        UserName = person.Name,
        Kind = kind,
        DueDate = due,
        AssignedByUserId = by.UserId,
        AssignedByName = by.Name,
        AssignedAt = now.AddDays(-5),
    };
}
