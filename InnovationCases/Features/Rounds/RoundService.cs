using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Rounds;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Rounds;

/// <summary>
/// Application rounds of the cross-cutting pool: caseworkers create them; /rounds and the
/// dashboard read them with their cases per stage and their answer time.
/// </summary>
public sealed class RoundService(IDbContextFactory<AppDbContext> dbFactory, DbWriter writer, TimeProvider clock)
{
    public Task<RoundResult> CreateAsync(RoundInput input, Actor actor, CancellationToken ct = default)
    {
        if (!actor.MayAssign())
        {
            return Task.FromResult(new RoundResult(false, RoundText.NotAllowed, new Dictionary<string, string>()));
        }

        return writer.WriteAsync(async db =>
        {
            var existing = await db.Rounds.AsNoTracking().ToListAsync(ct);
            var errors = RoundRules.Validate(input, existing);
            if (errors.Count > 0)
            {
                return new RoundResult(false, null, errors);
            }

            db.Rounds.Add(new ApplicationRound
            {
                Name = Text.Clean(input.Name),
                OpensOn = input.OpensOn!.Value,
                Deadline = input.Deadline!.Value,
                TargetAnswerDate = input.Target!.Value,
                CreatedByUserId = actor.UserId,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
            return RoundResult.Done;
        }, ct);
    }

    /// <summary>Every round, newest first, with cases per stage and answer time; empty for those who read no lists of cases.</summary>
    public async Task<IReadOnlyList<RoundSummary>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.MayReadAllCases())
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.OpensOn).ToListAsync(ct);
        var cases = await db.Cases.AsNoTracking().ListedFor(actor).Where(c => c.RoundId != null)
            .Select(c => new { c.Id, RoundId = c.RoundId!.Value, c.Stage }).ToListAsync(ct);
        var decisions = RoundRules.Decisions.ToList();
        var decided = await db.CaseEvents.AsNoTracking()
            .Where(e => e.Kind == CaseEventKind.Moved && e.Trigger != null && decisions.Contains(e.Trigger.Value))
            .Join(db.Cases.Where(c => c.RoundId != null), e => e.CaseId, c => c.Id, (e, c) => new { e.CaseId, e.At })
            .ToListAsync(ct);
        var lastDecision = decided.GroupBy(d => d.CaseId).ToDictionary(g => g.Key, g => DanishTime.Today(g.Max(x => x.At)));
        var today = DanishTime.Today(clock.GetUtcNow());

        return rounds.Select(r =>
        {
            var mine = cases.Where(c => c.RoundId == r.Id).ToList();
            var byStage = mine.GroupBy(c => c.Stage).ToDictionary(g => g.Key, g => g.Count());
            var answer = RoundRules.AnswerDays(r, mine.Select(c => lastDecision.TryGetValue(c.Id, out var d) ? d : (DateOnly?)null).ToList());
            return new RoundSummary(r.Id, r.Name, r.OpensOn, r.Deadline, r.TargetAnswerDate, r.IsOpenOn(today), byStage, answer, r.TargetDays);
        }).ToList();
    }

    /// <summary>The round open today and the next one to open (either may be null): for the form and the dashboard.</summary>
    public async Task<(ApplicationRound? Open, ApplicationRound? Next)> CurrentAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rounds = await db.Rounds.AsNoTracking().ToListAsync(ct);
        var today = DanishTime.Today(clock.GetUtcNow());
        return (RoundRules.OpenOn(rounds, today), RoundRules.NextAfter(rounds, today));
    }

    /// <summary>Whether the cross-cutting pool works in rounds at all.</summary>
    public async Task<bool> AnyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Rounds.AnyAsync(ct);
    }

    /// <summary>The rounds to filter by (board, grid): id and name, newest first.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Rounds.AsNoTracking().OrderByDescending(r => r.OpensOn).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }
}
