using System.Diagnostics;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Moves;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Board;
using InnovationCases.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnovationCases.Bench;

/// <summary>
/// B3: live fan-out. Board pages are open in Chromium (caseworkers and managers); moves are made
/// server-side through the workflow service one at a time; each page reports, from a
/// MutationObserver installed before the move, when the card is in its new column. The figure per
/// move is the slowest page. Database commands per move are counted with 1 viewer and with all.
/// With <c>--postgres</c> the managers' pages are on a second instance on the same database, so
/// half the viewers get each move through LISTEN/NOTIFY; the command counts are the first instance's.
/// </summary>
internal static class LiveFanOutScenario
{
    public const double TargetP95Ms = 500;
    private const int SettleMs = 300;

    // Installs one observer per move; window.__seen[selector] gets Date.now() when the selector first matches.
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
        var viewers = smoke ? 2 : 20;
        var moves = smoke ? 2 : 30;
        var singleViewerMoves = smoke ? 2 : 10;

        await using var host = await BenchHost.StartAsync("b3", listen: true);

        // 1,000 open cases (200 per open stage): columns hold more than a page; a moved card is the
        // most recently moved and so always lands on the default page of its new column.
        await ScaleData.AddAsync(host, open: smoke ? 50 : 1_000, closed: 0, eventsPerCase: 3);
        Actor actor;
        Queue<(string Number, int Version)> submitted;
        await using (var db = await host.DbAsync())
        {
            actor = (await db.Users.SingleAsync(u => u.Email == BoardBrowser.Caseworker)).ToActor();
            var list = await db.Cases.Where(c => c.Stage == Stage.Submitted && c.Title.StartsWith("Skalering"))
                .OrderBy(c => c.Id).Select(c => new { c.CaseNumber, c.Version }).ToListAsync();
            submitted = new(list.Select(c => (c.CaseNumber, c.Version)));
        }

        var workflow = host.Services.GetRequiredService<CaseWorkflowService>();
        var counter = host.Services.GetRequiredService<DbCommandCounter>();
        var feed = host.Services.GetRequiredService<BoardFeed>();

        await using var chromium = await BoardBrowser.LaunchAsync(host.Url!);
        var caseworkers = await chromium.SignedInAsync(BoardBrowser.Caseworker);
        await using var second = BenchDatabase.Postgres ? await BenchHost.StartAsync("b3-second", listen: true, sameDatabaseAs: host) : null;
        var managers = await chromium.SignedInAsync(BoardBrowser.Manager, second?.Url);
        var pages = new List<IPage> { await BoardBrowser.OpenBoardAsync(caseworkers) };

        // Warm-up move, not counted: JITs the move, the feed and the render paths.
        await MoveAsync(workflow, actor, submitted, pages, counter);

        var oneViewer = new List<double>();
        for (var i = 0; i < singleViewerMoves; i++)
        {
            oneViewer.Add((await MoveAsync(workflow, actor, submitted, pages, counter)).Commands);
        }

        while (pages.Count < viewers)
        {
            pages.Add(await BoardBrowser.OpenBoardAsync(pages.Count % 2 == 0 ? caseworkers : managers));
        }

        var circuits = feed.SubscriberCount;
        await MoveAsync(workflow, actor, submitted, pages, counter);
        var latencies = new List<double>();
        var manyViewers = new List<double>();
        var server = new List<double>();
        for (var i = 0; i < moves; i++)
        {
            var m = await MoveAsync(workflow, actor, submitted, pages, counter);
            latencies.Add(m.SlowestPageMs);
            manyViewers.Add(m.Commands);
            server.Add(m.ServerMs);
        }

        var equal = oneViewer.Distinct().Count() == 1 && manyViewers.Distinct().Count() == 1 && oneViewer[0] == manyViewers[0];
        return
        [
            new("B3a", $"live fan-out: move until all {viewers} pages show the card in its new column", $"p95 ≤ {TargetP95Ms:0} ms", "ms",
                Stats.Median(latencies), Stats.Percentile(latencies, 95), latencies.Count, Stats.Percentile(latencies, 95) <= TargetP95Ms,
                $"slowest page per move, Date.now() in the page from just before FireAsync; {circuits} board circuits subscribed{(second is null ? "" : $" on the first instance, {second.Services.GetRequiredService<BoardFeed>().SubscriberCount} on the second")}; FireAsync itself median {Stats.Median(server):0.#} ms; one warm-up move per phase not counted"),
            new("B3b", "database commands per move, 1 viewer", "= with 20 viewers", "commands", Stats.Median(oneViewer), Stats.Percentile(oneViewer, 95), oneViewer.Count,
                equal, $"delta of DbCommandCounter around each move, read {SettleMs} ms after every page showed the card; values seen: {string.Join(", ", oneViewer.Distinct())}"),
            new("B3c", $"database commands per move, {viewers} viewers", "= with 1 viewer", "commands", Stats.Median(manyViewers), Stats.Percentile(manyViewers, 95), manyViewers.Count,
                equal, $"values seen: {string.Join(", ", manyViewers.Distinct())}"),
        ];
    }

    private static async Task<(double SlowestPageMs, double Commands, double ServerMs)> MoveAsync(
        CaseWorkflowService workflow, Actor actor, Queue<(string Number, int Version)> submitted, IReadOnlyList<IPage> pages, DbCommandCounter counter)
    {
        var (number, version) = submitted.Dequeue();
        var selector = $"[data-stage='Screened'] [data-case-number='{number}']";
        await Task.WhenAll(pages.Select(p => p.EvaluateAsync(Install, selector)));

        var before = counter.Count;
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var sw = Stopwatch.StartNew();
        var result = await workflow.FireAsync(number, new ScreenData(), actor, version);
        var serverMs = sw.Elapsed.TotalMilliseconds;
        if (result is not MoveResult.Moved)
        {
            throw new InvalidOperationException($"Move of {number} failed: {result}");
        }

        var seen = await Task.WhenAll(pages.Select(async p =>
        {
            var handle = await p.WaitForFunctionAsync("s => window.__seen && window.__seen[s]", selector, new() { Timeout = 30_000, PollingInterval = 50 });
            return await handle.JsonValueAsync<double>();
        }));
        await Task.Delay(SettleMs);
        return (seen.Max() - start, counter.Count - before, serverMs);
    }
}
