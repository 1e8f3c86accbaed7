using System.Globalization;
using System.Net;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Board;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Moves;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnovationCases.Bench;

/// <summary>
/// B10: 200 connected board circuits on this machine. A few are Chromium pages; the rest are
/// <see cref="LightCircuit"/>s, which speak the Blazor hub protocol as a browser does but render
/// nothing. (a) managed memory per circuit: the heap (forced full GC) before and after all are open,
/// divided by their number; it includes the light clients' own sockets and buffers, in this process.
/// (b) moves through the workflow service one at a time; per move, the time until every circuit has
/// the card in its new column (a page's MutationObserver, a light circuit's render batch).
/// </summary>
internal static class ManyCircuitsScenario
{
    public const double TargetBytes = 1024 * 1024;
    public const double TargetP95Ms = 1_000;

    // As B3: window.__seen[selector] gets Date.now() when the selector first matches.
    private const string Install = """
        selector => {
          window.__seen ??= {};
          const check = () => {
            if (window.__seen[selector] === undefined && document.querySelector(selector)) {
              window.__seen[selector] = Date.now();
              observer.disconnect();
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { childList: true, subtree: true, attributes: true });
          check();
        }
        """;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(bool smoke)
    {
        // BENCH_B10_CIRCUITS=<n> (diagnostic): fewer circuits, to find where a loaded machine stops keeping up.
        var total = smoke ? 6 : int.TryParse(Environment.GetEnvironmentVariable("BENCH_B10_CIRCUITS"), out var n) ? n : 200;
        var browserPages = smoke ? 2 : 4;
        var moves = smoke ? 2 : 20;

        // BENCH_BOARD_FIRST_PAGE=<n> (diagnostic): the first page per column (20: as before session 6).
        var firstPage = Environment.GetEnvironmentVariable("BENCH_BOARD_FIRST_PAGE");
        await using var host = await BenchHost.StartAsync("b10", listen: true, firstPage is null ? null : new Dictionary<string, string?> { ["Board:FirstPageSize"] = firstPage });
        await ScaleData.AddAsync(host, open: smoke ? 50 : 1_000, closed: smoke ? 20 : 1_000, eventsPerCase: 3);
        var feed = host.Services.GetRequiredService<BoardFeed>();
        var workflow = host.Services.GetRequiredService<CaseWorkflowService>();
        Actor actor;
        Queue<(string Number, int Version)> submitted;
        await using (var db = await host.DbAsync())
        {
            actor = (await db.Users.SingleAsync(u => u.Email == BoardBrowser.Caseworker)).ToActor();
            var list = await db.Cases.Where(c => c.Stage == Stage.Submitted && c.Title.StartsWith("Skalering"))
                .OrderBy(c => c.Id).Select(c => new { c.CaseNumber, c.Version }).ToListAsync();
            submitted = new(list.Select(c => (c.CaseNumber, c.Version)));
        }

        await using var chromium = await BoardBrowser.LaunchAsync(host.Url!);
        var context = await chromium.SignedInAsync(BoardBrowser.Caseworker);
        var baseUri = new Uri(host.Url! + "/");
        var cookies = new CookieContainer();
        foreach (var c in await context.CookiesAsync())
        {
            cookies.Add(baseUri, new System.Net.Cookie(c.Name, c.Value, "/"));
        }

        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true }) { Timeout = TimeSpan.FromSeconds(120) };

        // Warm-up: one of each kind opened and closed, so JIT and caches are not counted.
        var warm = await LightCircuit.OpenAsync(http, cookies, baseUri, "board");
        var warmPage = await BoardBrowser.OpenBoardAsync(context);
        await WaitUntilAsync(() => feed.SubscriberCount == 2, "warm-up boards");
        await warm.DisposeAsync();
        await warmPage.CloseAsync(new() { RunBeforeUnload = true });
        await WaitUntilAsync(() => feed.SubscriberCount == 0, "warm-up boards closed");

        var before = Heap();
        var pages = new List<IPage>();
        for (var i = 0; i < browserPages; i++)
        {
            pages.Add(await BoardBrowser.OpenBoardAsync(context));
        }

        var light = new List<LightCircuit>();
        using var pinging = new CancellationTokenSource();
        var pinger = PingAsync(light, pinging.Token);
        for (var i = browserPages; i < total; i++)
        {
            light.Add(await LightCircuit.OpenAsync(http, cookies, baseUri, "board"));
        }

        await WaitUntilAsync(() => feed.SubscriberCount == total, $"{total} boards subscribed");
        await Task.Delay(1_000);
        var after = Heap();
        var perCircuit = (after - before) / total;

        // One move not counted: the first fan-out to this many boards JITs the paths.
        await MoveAsync(workflow, actor, submitted, pages, light);
        var latencies = new List<double>();
        var server = new List<double>();
        var batchBytes = new List<double>();
        for (var i = 0; i < moves; i++)
        {
            var (slowest, fired, bytes) = await MoveAsync(workflow, actor, submitted, pages, light);
            latencies.Add(slowest);
            server.Add(fired);
            batchBytes.Add(bytes);
        }

        var errors = light.Count(c => c.Error is not null);
        await pinging.CancelAsync();
        await pinger;
        foreach (var c in light)
        {
            await c.DisposeAsync();
        }

        foreach (var page in pages)
        {
            await page.CloseAsync(new() { RunBeforeUnload = true });
        }

        var kb = perCircuit / 1024;
        var mix = string.Create(CultureInfo.InvariantCulture, $"{browserPages} Chromium pages + {total - browserPages} light hub-protocol circuits");
        return
        [
            new("B10a", $"managed memory per board circuit, {total} circuits", "≤ 1 MB per circuit", "KB", kb, kb, total,
                perCircuit <= TargetBytes,
                $"{mix}; GC.GetTotalMemory(true) after forced full GCs, (after − before) / {total}, one round; includes the light clients' own sockets and buffers (same process)"),
            new("B10b", $"a move visible on all {total} board circuits", $"p95 ≤ {TargetP95Ms:0} ms", "ms", Stats.Median(latencies), Stats.Percentile(latencies, 95), latencies.Count,
                Stats.Percentile(latencies, 95) <= TargetP95Ms && errors == 0,
                $"{mix}; slowest circuit per move from just before FireAsync (Unix ms): a page's MutationObserver, a light circuit's first render batch carrying the case number; FireAsync median {Stats.Median(server):0.#} ms; a light circuit's render batch for a move median {Stats.Median(batchBytes):0} bytes; {errors} circuit errors; one warm-up move not counted"),
        ];
    }

    private static async Task<(double SlowestMs, double ServerMs, double BatchBytes)> MoveAsync(
        CaseWorkflowService workflow, Actor actor, Queue<(string Number, int Version)> submitted, IReadOnlyList<IPage> pages, IReadOnlyList<LightCircuit> light)
    {
        var (number, version) = submitted.Dequeue();
        var selector = $"[data-stage='Screened'] [data-case-number='{number}']";
        await Task.WhenAll(pages.Select(p => p.EvaluateAsync(Install, selector)));
        foreach (var c in light)
        {
            c.Watch(number);
        }

        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var result = await workflow.FireAsync(number, new ScreenData(), actor, version);
        var serverMs = sw.Elapsed.TotalMilliseconds;
        if (result is not MoveResult.Moved)
        {
            throw new InvalidOperationException($"Move of {number} failed: {result}");
        }

        var seen = await Task.WhenAll(pages.Select(async p =>
        {
            var handle = await p.WaitForFunctionAsync("s => window.__seen && window.__seen[s]", selector, new() { Timeout = 180_000, PollingInterval = 50 });
            return await handle.JsonValueAsync<double>();
        }));
        await WaitUntilAsync(() => light.All(c => c.SeenAt(number) is not null), $"all light circuits show {number}");
        var slowest = Math.Max(seen.DefaultIfEmpty(start).Max(), light.Max(c => c.SeenAt(number)!.Value));
        var bytes = light.Select(c => (double)c.SeenBytes(number)!.Value).DefaultIfEmpty(0).Average();
        return (slowest - start, serverMs, bytes);
    }

    private static async Task PingAsync(List<LightCircuit> circuits, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), ct);
                foreach (var c in circuits.ToList())
                {
                    await c.PingAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static double Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for: " + what);
            }

            await Task.Delay(20);
        }
    }
}
