using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Access;
using InnovationCases.Domain.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnovationCases.Features.Delivery;

/// <summary>
/// Reads a granted case's indicators, milestones and payments for the case page, through
/// <see cref="CaseScope"/>; computes progress, the fail-fast signals and the reports due.
/// </summary>
public sealed class DeliveryReader(IDbContextFactory<AppDbContext> dbFactory, IOptions<DeliveryOptions> options, TimeProvider clock)
{
    public async Task<DeliveryView?> GetAsync(string caseNumber, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Cases.AsNoTracking().VisibleTo(actor).Include(x => x.Pool)
            .SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, ct);
        if (c is null || c.GrantedAmount is null || c.Stage is not (Stage.Granted or Stage.Implemented or Stage.Evaluated or Stage.Stopped))
        {
            return null;
        }

        var indicators = await db.Indicators.AsNoTracking().Where(i => i.CaseId == c.Id)
            .OrderByDescending(i => i.IsRealisedGain).ThenBy(i => i.Id)
            .ToListAsync(ct);
        var measurements = await (from m in db.Measurements.AsNoTracking()
                                  join i in db.Indicators on m.IndicatorId equals i.Id
                                  where i.CaseId == c.Id
                                  select m).ToListAsync(ct);
        var byIndicator = measurements.OrderBy(m => m.Date).ThenBy(m => m.Id).ToLookup(m => m.IndicatorId);
        foreach (var i in indicators)
        {
            i.Measurements = byIndicator[i.Id].ToList();
        }

        var milestones = await db.Milestones.AsNoTracking().Where(m => m.CaseId == c.Id).OrderBy(m => m.DueDate).ThenBy(m => m.Id).ToListAsync(ct);
        var payments = await db.Payments.AsNoTracking().Where(p => p.CaseId == c.Id).OrderBy(p => p.Date).ThenBy(p => p.Id).ToListAsync(ct);
        var reported = await db.EffectReports.AsNoTracking().Where(r => r.CaseId == c.Id).Select(r => r.Year).ToListAsync(ct);

        var today = DanishTime.Today(clock.GetUtcNow());
        var grantDay = DeliveryMath.GrantDay(c.GrantedAt, c.StageChangedAt);
        var facts = new DeliveryFacts(
            c.Stage,
            grantDay,
            c.GrantedAmount.Value,
            payments.Sum(p => p.Amount),
            milestones.Sum(m => (long)m.Weight),
            milestones.Where(m => m.IsDone).Sum(m => (long)m.Weight),
            milestones.Where(m => !m.IsDone).Select(m => (DateOnly?)m.DueDate).Min(),
            indicators.SelectMany(i => i.Measurements).Select(m => (DateOnly?)m.Date).Max());
        var o = options.Value;
        return new DeliveryView(
            indicators,
            milestones,
            payments,
            facts,
            DeliverySignals.For(facts, today, o),
            ReportDue.For(c.Stage, grantDay.Year, reported, today, o),
            today,
            actor.MayRecordDelivery(c),
            actor.MayRecordPayments(c, c.Pool!));
    }
}
