using System.Globalization;
using System.Diagnostics;
using InnovationCases.Domain;
using InnovationCases.Features.Cases.Grid;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Bench;

/// <summary>B6: one filtered, sorted page of the /cases grid over 50,000 cases, server side.</summary>
internal static class GridScenario
{
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(bool smoke)
    {
        var cases = smoke ? 1_000 : 50_000;
        var repeats = smoke ? 3 : 20;
        await using var host = await BenchHost.StartAsync("b6");
        await ScaleData.AddAsync(host, open: cases / 5, closed: cases - cases / 5, eventsPerCase: 2);
        var grid = host.Services.GetRequiredService<CaseGridService>();
        var actor = await host.ActorAsync("sagsbehandler@aarhus.example");
        int department;
        await using (var db = await host.DbAsync())
        {
            department = await db.Departments.Where(d => d.Code == "MSO").Select(d => d.Id).SingleAsync();
        }

        // The typical questions: a stage + theme + amount range sorted by amount, a department's
        // cases sorted by title, a free-text search, and a deep page of everything.
        var queries = new (string Id, string Name, CaseGridFilter Filter, int Page, string? Sort, bool Desc)[]
        {
            ("B6a", "stage + theme + amount range, by amount", new() { Stage = Stage.Rejected, Theme = Theme.Health, MinAmount = 100_000, MaxAmount = 1_500_000 }, 0, nameof(CaseRow.RequestedAmount), true),
            ("B6b", "one department (lead or partner), by title", new() { DepartmentId = department, Year = DateTime.UtcNow.Year }, 0, nameof(CaseRow.Title), false),
            ("B6c", "free text over number, title, summary", new() { Text = "projekt 4711" }, 0, null, false),
            ("B6d", "everything, page 100, by number", new(), 100, nameof(CaseRow.CaseNumber), false),
        };
        var results = new List<ScenarioResult>();
        foreach (var q in queries)
        {
            await grid.QueryAsync(q.Filter, q.Page, 25, q.Sort, q.Desc, actor); // warm-up: query compilation
            var times = new List<double>();
            for (var i = 0; i < repeats; i++)
            {
                var sw = Stopwatch.StartNew();
                await grid.QueryAsync(q.Filter, q.Page, 25, q.Sort, q.Desc, actor);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }

            var median = Stats.Median(times);
            results.Add(new(q.Id, string.Create(CultureInfo.InvariantCulture, $"/cases grid over {cases:N0} cases: {q.Name}"), "≤ 100 ms median", "ms",
                median, Stats.Percentile(times, 95), times.Count, median <= 100));
        }

        return results;
    }
}
