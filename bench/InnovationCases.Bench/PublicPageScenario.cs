using System.Diagnostics;
using System.Globalization;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Learnings;
using InnovationCases.Features.Public;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Bench;

/// <summary>
/// B8: the public /innovation page over 50,000 cases with 2,000 published stories, served from the
/// output cache and rendered afresh (the cache evicted before each request); and, beside it, the
/// knowledge bank's ranked free-text search over every evaluated and stopped case's final report.
/// </summary>
internal static class PublicPageScenario
{
    private const string SearchText = "borgere tidlig";

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(bool smoke)
    {
        var cases = smoke ? 1_000 : 50_000;
        var stories = smoke ? 40 : 2_000;
        var repeats = smoke ? 5 : 30;
        await using var host = await BenchHost.StartAsync("b8", listen: true);
        await ScaleData.AddAsync(host, open: cases / 5, closed: cases - cases / 5, eventsPerCase: 2);
        var entries = await AddKnowledgeAsync(host, stories);
        using var http = new HttpClient { BaseAddress = new Uri(host.Url!) };
        var store = host.Services.GetRequiredService<IOutputCacheStore>();
        var counter = host.Services.GetRequiredService<DbCommandCounter>();

        await GetAsync(http); // warm-up: query compilation, component types; leaves the page in the cache
        if (SqlTrace.Enabled)
        {
            using (SqlTrace.Start())
            {
                Console.WriteLine("  B8 trace: one uncached render, one search");
                await store.EvictByTagAsync(PublicCache.Tag, default);
                await GetAsync(http);
                await host.Services.GetRequiredService<LearningsService>().SearchAsync(new LearningsQuery(Text: SearchText), await host.ActorAsync("leder@aarhus.example"));
            }
        }

        var cached = await TimeAsync(repeats, () => Task.CompletedTask, http);
        var commandsBefore = counter.Count;
        var uncached = await TimeAsync(repeats, () => store.EvictByTagAsync(PublicCache.Tag, default).AsTask(), http);
        var commandsPerRender = (double)(counter.Count - commandsBefore) / repeats;

        var learnings = host.Services.GetRequiredService<LearningsService>();
        var actor = await host.ActorAsync("leder@aarhus.example");
        var query = new LearningsQuery(Text: SearchText);
        var found = await learnings.SearchAsync(query, actor); // warm-up
        if (found.Count == 0)
        {
            throw new InvalidOperationException("B8c: the knowledge-bank search found nothing; the generated texts do not match the query.");
        }

        var search = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            await learnings.SearchAsync(query, actor);
            search.Add(sw.Elapsed.TotalMilliseconds);
        }

        var scale = string.Create(CultureInfo.InvariantCulture, $"{cases:N0} cases, {stories:N0} published stories");
        return
        [
            Result("B8a", $"/innovation from the output cache ({scale})", 20, cached, "loopback HTTP round trip"),
            Result("B8b", $"/innovation rendered afresh, cache evicted per request ({scale})", 100, uncached,
                string.Create(CultureInfo.InvariantCulture, $"{commandsPerRender:0.#} SQL commands per render")),
            Result("B8c", string.Create(CultureInfo.InvariantCulture, $"knowledge bank: ranked free text, two words most of {entries:N0} entries contain"), 100, search,
                string.Create(CultureInfo.InvariantCulture, $"{found.Count} hits (limit {LearningsService.Limit})")),
        ];
    }

    private static ScenarioResult Result(string id, string name, double target, List<double> times, string notes)
    {
        var median = Stats.Median(times);
        return new(id, name, string.Create(CultureInfo.InvariantCulture, $"≤ {target:0} ms median"), "ms", median, Stats.Percentile(times, 95), times.Count, median <= target, notes);
    }

    private static async Task<List<double>> TimeAsync(int repeats, Func<Task> before, HttpClient http)
    {
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            await before();
            var sw = Stopwatch.StartNew();
            await GetAsync(http);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static async Task GetAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/innovation");
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !html.Contains("data-story=", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"B8: /innovation answered {(int)response.StatusCode} without stories.");
        }
    }

    /// <summary>
    /// Final reports for every evaluated and stopped case (the knowledge bank), published stories on
    /// <paramref name="stories"/> of them, and some adoptions; returns the number of knowledge entries.
    /// </summary>
    private static async Task<int> AddKnowledgeAsync(BenchHost host, int stories)
    {
        await using var db = await host.DbAsync();
        var closed = await db.Cases.Where(c => c.Stage == Stage.Evaluated || c.Stage == Stage.Stopped)
            .Where(c => !db.EffectReports.Any(r => r.CaseId == c.Id))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.LeadDepartmentId, c.Stage }).ToListAsync();
        var departments = await db.Departments.Select(d => d.Id).ToListAsync();
        var random = new Random(8);
        var now = DateTime.UtcNow;
        string[] words = ["borgere", "medarbejdere", "sensorer", "tidlig indsats", "velfærdsteknologi", "hjemmepleje", "skoler", "data", "leverandør", "kalibrering"];
        string Phrase() => string.Join(' ', Enumerable.Range(0, 12).Select(_ => words[random.Next(words.Length)]));
        await BulkInsert.RunAsync(db, closed.Select(c => new EffectReport
        {
            CaseId = c.Id, Year = now.Year - 1, IsFinal = true, RealisedAnnualGain = c.Stage == Stage.Evaluated ? 100_000 + random.Next(900) * 1_000 : 0,
            LessonsLearned = "Vi lærte om " + Phrase() + ".", Narrative = "Effekten for " + Phrase() + ".", LivesOn = c.Stage == Stage.Evaluated,
            ReportedByUserId = "bench", ReportedByName = "Bench", CreatedAt = now.AddDays(-random.Next(1, 365)),
        }));
        var body = string.Join("\n\n", Enumerable.Range(0, 8).Select(_ => "Afsnit om " + Phrase() + "."));
        await BulkInsert.RunAsync(db, closed.Take(stories).Select((c, i) => new Story
        {
            CaseId = c.Id, Title = "Fortælling " + i, Lead = "Hvordan " + Phrase() + ".", BodyMarkdown = body, WentWrong = "Det tog tid.",
            IsPublished = true, PublishedAt = now.AddHours(-i * 3 - 1), UpdatedAt = now.AddHours(-i * 3 - 1), WrittenByName = "Bench",
        }));
        await BulkInsert.RunAsync(db, closed.Where((_, i) => i % 10 == 0).Select(c => new Adoption
        {
            CaseId = c.Id, DepartmentId = departments.First(d => d != c.LeadDepartmentId), AdoptedOn = DateOnly.FromDateTime(now.AddDays(-30)),
            ExpectedAnnualGain = 50_000, RecordedByUserId = "bench", RecordedByName = "Bench", CreatedAt = now.AddDays(-30),
        }));
        return closed.Count;
    }
}
