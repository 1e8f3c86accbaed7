using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data;

/// <summary>Hands out <c>INNO-&lt;year&gt;-&lt;4-digit sequence&gt;</c> numbers inside the caller's write transaction.</summary>
public static class CaseNumbers
{
    public static string Format(int year, int sequence) => $"INNO-{year}-{sequence:0000}";

    public static async Task<string> NextAsync(AppDbContext db, int year, CancellationToken ct = default)
    {
        var counter = await db.CaseNumberCounters.SingleOrDefaultAsync(c => c.Year == year, ct);
        if (counter is null)
        {
            counter = new CaseNumberCounter { Year = year };
            db.CaseNumberCounters.Add(counter);
        }

        counter.Last++;
        return Format(year, counter.Last);
    }
}
