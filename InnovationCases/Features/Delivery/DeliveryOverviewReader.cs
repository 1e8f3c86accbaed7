using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnovationCases.Features.Delivery;

/// <summary>
/// Across the running projects the actor may see: which are flagged "Overvej at stoppe", which owe
/// an effect report, and realised against expected annual gain year by year, from the built-in
/// indicator's measurements. One query for the projects with their aggregates, one for the gains.
/// </summary>
public sealed class DeliveryOverviewReader(IDbContextFactory<AppDbContext> dbFactory, IOptions<DeliveryOptions> options, TimeProvider clock)
{
    /// <param name="leadDepartmentId">Only projects this department leads (Mine sager for department staff).</param>
    public async Task<DeliveryOverview> GetAsync(Actor actor, int? leadDepartmentId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scoped = db.Cases.AsNoTracking().VisibleTo(actor)
            .Where(c => c.Stage == Stage.Granted || c.Stage == Stage.Implemented || c.Stage == Stage.Evaluated);
        if (leadDepartmentId is { } lead)
        {
            scoped = scoped.Where(c => c.LeadDepartmentId == lead);
        }

        var rows = await scoped
            .Select(c => new
            {
                c.CaseNumber, c.Title, Lead = c.LeadDepartment!.Name, c.Stage, c.GrantedAt, c.StageChangedAt, Granted = c.GrantedAmount ?? 0,
                c.ExpectedAnnualGain, c.FirstGainYear,
                Paid = c.Payments.Sum(p => (long?)p.Amount) ?? 0,
                Weight = c.Milestones.Sum(m => (long?)m.Weight) ?? 0,
                Done = c.Milestones.Where(m => m.DoneDate != null).Sum(m => (long?)m.Weight) ?? 0,
                OpenDue = c.Milestones.Where(m => m.DoneDate == null).Min(m => (DateOnly?)m.DueDate),
                LastMeasurement = c.Indicators.SelectMany(i => i.Measurements).Max(m => (DateOnly?)m.Date),
                Reported = c.EffectReports.Select(r => r.Year).ToList(),
            })
            .ToListAsync(ct);

        var today = DanishTime.Today(clock.GetUtcNow());
        var o = options.Value;
        var overview = rows.Select(r =>
        {
            var facts = new DeliveryFacts(r.Stage, DeliveryMath.GrantDay(r.GrantedAt, r.StageChangedAt), r.Granted, r.Paid, r.Weight, r.Done, r.OpenDue, r.LastMeasurement);
            return new DeliveryOverviewRow(r.CaseNumber, r.Title, r.Lead, facts.Progress,
                DeliverySignals.For(facts, today, o), ReportDue.For(r.Stage, facts.GrantedOn.Year, r.Reported, today, o));
        }).OrderBy(r => r.CaseNumber).ToList();

        // The year's realised gain of a case is its latest realised-gain measurement that year.
        var gains = await scoped.SelectMany(c => c.Indicators.Where(i => i.IsRealisedGain).SelectMany(i => i.Measurements))
            .Select(m => new { m.IndicatorId, m.Date, m.Id, m.Value })
            .ToListAsync(ct);
        var realised = gains.GroupBy(g => (g.IndicatorId, g.Date.Year))
            .Select(g => (Year: g.Key.Year, Value: g.OrderBy(x => x.Date).ThenBy(x => x.Id).Last().Value))
            .GroupBy(x => x.Year)
            .ToDictionary(g => g.Key, g => (long)g.Sum(x => x.Value));
        var years = realised.Keys.Count == 0 ? [] : Enumerable.Range(realised.Keys.Min(), today.Year - realised.Keys.Min() + 1).ToList();
        var byYear = years.Select(y => new RealisedYear(y, realised.GetValueOrDefault(y), rows.Where(r => r.FirstGainYear <= y).Sum(r => r.ExpectedAnnualGain))).ToList();

        return new DeliveryOverview(
            overview.Where(r => r.Signals.Count > 0).ToList(),
            overview.Where(r => r.ReportsDue.Count > 0).ToList(),
            byYear);
    }
}
