using InnovationCases.Data;
using InnovationCases.Domain.Delivery;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Delivery;

/// <summary>Reads the indicators' outcomes of several cases in one query (the knowledge bank's page, a public project).</summary>
public static class IndicatorOutcomes
{
    public static async Task<ILookup<int, IndicatorOutcome>> ForCasesAsync(AppDbContext db, IReadOnlyCollection<int> caseIds, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Measurements)
            .Where(i => caseIds.Contains(i.CaseId)).OrderBy(i => i.IsRealisedGain).ThenBy(i => i.Id)
            .ToListAsync(ct);
        return indicators.ToLookup(i => i.CaseId, IndicatorOutcome.From);
    }
}
