using System.Diagnostics;
using System.Globalization;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Board;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InnovationCases.Bench;

/// <summary>
/// B2: the board over 5,000 open and 45,000 closed cases. (a) the server-side build of the default
/// view (BoardService.LoadAsync for a caseworker, no filter, the configured page size); (b) Chromium's
/// time from navigation start to an interactive board, measured in the page itself.
/// </summary>
internal static class BoardScaleScenario
{
    public const double ServerTargetMs = 30;
    public const double BrowserTargetMs = 700;

    // Runs at document start of every navigation: records performance.now() (ms since navigation
    // start) the first time the circuit is live and the board's columns are rendered together, and
    // resolves window.__boardReady with it.
    private const string ReadyProbe = """
        (() => {
          const ready = () => !!document.querySelector("[data-circuit='ready']") && !!document.querySelector('[data-stage]');
          let resolve;
          window.__boardReady = new Promise(r => resolve = r);
          const observer = new MutationObserver(() => {
            if (window.__boardReadyAt === undefined && ready()) {
              window.__boardReadyAt = performance.now();
              observer.disconnect();
              resolve(window.__boardReadyAt);
            }
          });
          observer.observe(document, { childList: true, subtree: true, attributes: true });
        })();
        """;

    // The bench waits for that promise with a plain evaluation. Playwright's WaitForFunction first
    // evaluates its own injected script (selector engines, pollers) in the page: ~80 ms on the
    // renderer's main thread, right between the load event and Blazor opening its circuit, so it
    // delayed the very navigation it timed. No user's browser runs it.
    private const string WaitForReady = "async () => { while (!window.__boardReady) await new Promise(r => setTimeout(r, 5)); return await window.__boardReady; }";

    // BENCH_TRACE=1 (diagnostic): where a navigation's time goes. At document start it wraps the
    // WebSocket constructor (blazor.web.js opens the circuit's socket through it) to time the socket's
    // creation, opening and first messages with their sizes; the rest comes from the page's own
    // navigation and resource timing entries.
    private const string TraceProbe = """
        (() => {
          window.__trace = [];
          const mark = (what, at) => window.__trace.push([what, Math.round(at ?? performance.now())]);
          const Native = window.WebSocket;
          function Traced(url, protocols) {
            const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
            mark('ws created');
            ws.addEventListener('open', () => mark('ws open'));
            // What each early message is: its printable text (blazorpack strings are readable).
            const text = d => {
              const bytes = typeof d === 'string' ? new TextEncoder().encode(d) : new Uint8Array(d);
              let s = '';
              for (const b of bytes.subarray(0, 160)) s += b >= 32 && b < 127 ? String.fromCharCode(b) : '.';
              return s.replace(/\.{2,}/g, '..');
            };
            let n = 0;
            ws.addEventListener('message', e => {
              n++;
              if (n <= 8) mark('ws message ' + n + ' (' + (e.data.byteLength ?? e.data.length) + ' B) ' + text(e.data));
            });
            let sent = 0;
            const send = ws.send;
            ws.send = function (d) {
              sent++;
              if (sent <= 8) mark('ws send ' + sent + ' (' + (d.byteLength ?? d.length) + ' B) ' + text(d));
              return send.call(this, d);
            };
            return ws;
          }
          Traced.prototype = Native.prototype;
          for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Traced[k] = Native[k];
          window.WebSocket = Traced;
          const observer = new MutationObserver(() => {
            if (document.querySelector("[data-circuit='ready']")) {
              mark('circuit ready (after first interactive render)');
              observer.disconnect();
            }
          });
          observer.observe(document, { childList: true, subtree: true, attributes: true });
        })();
        """;

    private const string TraceRead = """
        () => {
          const nav = performance.getEntriesByType('navigation')[0];
          const rows = [['html response start', nav.responseStart], ['html response end', nav.responseEnd],
            ['DOMContentLoaded end', nav.domContentLoadedEventEnd], ['load event end', nav.loadEventEnd]];
          for (const r of performance.getEntriesByType('resource')) {
            const name = r.name.replace(location.origin, '').replace(/\?.*$/, '');
            rows.push([name + ' start', r.startTime], [name + ' end (' + r.transferSize + ' B on the wire)', r.responseEnd]);
          }
          // What the interactive render rebuilt: the page's markup, and the cards' share of it.
          const cards = [...document.querySelectorAll('.board-card')];
          const size = els => els.reduce((n, e) => n + e.outerHTML.length, 0);
          const dom = 'dom: body ' + document.body.outerHTML.length + ' chars, ' + document.body.querySelectorAll('*').length + ' elements; '
            + cards.length + ' cards ' + size(cards) + ' chars (' + cards.reduce((n, c) => n + c.querySelectorAll('*').length + 1, 0) + ' elements); filters '
            + size([...document.querySelectorAll('.board-filters')]) + ' chars; navigation ' + size([...document.querySelectorAll('.mud-drawer')]) + ' chars';
          // Which of the cards a column rendered can be seen without scrolling (any part inside its list).
          const inView = [...document.querySelectorAll('.board-column__scroll')].filter(l => l.offsetParent).map(l => {
            const box = l.getBoundingClientRect();
            const all = [...l.querySelectorAll('.board-card')];
            return (box.left >= Math.min(innerWidth, l.closest('.board').getBoundingClientRect().right) ? 0 : all.filter(c => c.getBoundingClientRect().top < Math.min(box.bottom, innerHeight)).length) + '/' + all.length;
          });
          const view = 'cards in view per open column (window ' + innerWidth + '×' + innerHeight + '): ' + inView.join(' ');
          // What each stylesheet holds against what this page uses: its style rules (also those inside
          // @media and other groups), how many match an element of the page now, and their text's length.
          const sheets = [...document.styleSheets].map(sheet => {
            let all = 0, used = 0, chars = 0, usedChars = 0;
            const walk = rules => {
              for (const r of rules) {
                if (r instanceof CSSStyleRule) {
                  all++; chars += r.cssText.length;
                  let hit = false;
                  try { hit = !!document.querySelector(r.selectorText.replace(/::?(before|after|placeholder|selection|-webkit-[a-z-]+|-moz-[a-z-]+)/g, '').replace(/:(hover|focus|focus-visible|focus-within|active|visited)/g, '') || '*'); } catch { hit = true; }
                  if (hit) { used++; usedChars += r.cssText.length; }
                } else if (r.cssRules) {
                  walk(r.cssRules);
                } else {
                  chars += r.cssText.length;
                }
              }
            };
            try { walk(sheet.cssRules); } catch { return null; }
            return 'stylesheet ' + (sheet.href ?? 'inline').replace(location.origin, '') + ': ' + all + ' style rules (' + chars + ' chars), ' + used + ' match an element of this page (' + usedChars + ' chars)';
          }).filter(s => s);
          return rows.map(([w, t]) => [w, Math.round(t)]).concat(window.__trace ?? []).sort((a, b) => a[1] - b[1]).map(([w, t]) => t + ' ms  ' + w).concat([dom, view]).concat(sheets);
        }
        """;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(bool smoke)
    {
        var (open, closed) = smoke ? (20, 30) : (5_000, 45_000);
        var warmups = smoke ? 1 : 5;
        var serverRuns = smoke ? 2 : 30;
        var navigations = smoke ? 2 : 10;

        await using var host = await BenchHost.StartAsync("b2", listen: true);
        await ScaleData.AddAsync(host, open, closed, eventsPerCase: 3);
        Actor actor;
        await using (var db = await host.DbAsync())
        {
            actor = (await db.Users.SingleAsync(u => u.Email == BoardBrowser.Caseworker)).ToActor();
        }

        var boards = host.Services.GetRequiredService<BoardService>();
        // As the board page reads it when it opens: the first page of every open column.
        var pageSize = host.Services.GetRequiredService<IOptions<BoardOptions>>().Value.FirstPage;
        var server = new List<double>();
        var cards = 0;
        for (var i = 0; i < warmups + serverRuns; i++)
        {
            var sw = Stopwatch.StartNew();
            // As the board page reads it: the collapsed closed columns without their cards.
            var snapshot = await boards.LoadAsync(actor, BoardFilter.None, pageSize, closedCards: false);
            sw.Stop();
            if (i >= warmups)
            {
                server.Add(sw.Elapsed.TotalMilliseconds);
            }

            cards = snapshot.Cards.Values.Sum(c => c.Count);
        }

        using (SqlTrace.Start())
        {
            if (SqlTrace.Enabled)
            {
                Console.WriteLine("  one traced BoardService.LoadAsync:");
                var traced = Stopwatch.StartNew();
                await boards.LoadAsync(actor, BoardFilter.None, pageSize, closedCards: false);
                Console.WriteLine($"    total {traced.Elapsed.TotalMilliseconds:0.0} ms");
            }
        }

        var browser = new List<double>();
        var prerendered = new List<double>();
        await using (var chromium = await BoardBrowser.LaunchAsync(host.Url!))
        {
            var context = await chromium.SignedInAsync(BoardBrowser.Caseworker);
            await context.AddInitScriptAsync(ReadyProbe);
            var trace = Environment.GetEnvironmentVariable("BENCH_TRACE") == "1";
            if (trace)
            {
                await context.AddInitScriptAsync(TraceProbe);
            }

            // One navigation first, not counted: it fills the browser cache and JITs the server paths.
            for (var i = -1; i < navigations; i++)
            {
                var page = await context.NewPageAsync();
                // BENCH_CHROME_TRACE=<file> (diagnostic): Chromium's own performance trace of the first
                // counted navigation (what the renderer's main thread did: parse, style, script, layout).
                var chromeTrace = i == 0 ? Environment.GetEnvironmentVariable("BENCH_CHROME_TRACE") : null;
                ChromeTrace? traced = chromeTrace is null ? null : await ChromeTrace.StartAsync(page);

                await page.GotoAsync("/board");
                await page.EvaluateAsync<double>(WaitForReady);
                if (traced is not null)
                {
                    await traced.StopAsync(chromeTrace!);
                    Console.WriteLine($"  Chromium trace of navigation 1 written to {chromeTrace}");
                }

                var readyAt = await page.EvaluateAsync<double>("() => window.__boardReadyAt");
                var htmlAt = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].responseEnd");
                if (i >= 0)
                {
                    browser.Add(readyAt);
                    prerendered.Add(htmlAt);
                }

                if (trace)
                {
                    await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
                    Console.WriteLine($"  navigation {i + 1}: ready at {readyAt:0} ms");
                    foreach (var line in await page.EvaluateAsync<string[]>(TraceRead))
                    {
                        Console.WriteLine("    " + line);
                    }
                }

                await page.CloseAsync();
            }
        }

        var scale = string.Create(CultureInfo.InvariantCulture, $"{open:N0} open + {closed:N0} closed cases");
        return
        [
            new("B2a", $"board view built server-side ({scale})", $"≤ {ServerTargetMs:0} ms median", "ms", Stats.Median(server), Stats.Percentile(server, 95), server.Count,
                Stats.Median(server) <= ServerTargetMs, $"BoardService.LoadAsync, caseworker, no filter, page size {pageSize}, {cards} cards; {warmups} warm-up runs not counted"),
            new("B2b", $"Chromium: navigation to interactive board ({scale})", string.Create(CultureInfo.InvariantCulture, $"≤ {BrowserTargetMs:N0} ms median"), "ms", Stats.Median(browser), Stats.Percentile(browser, 95), browser.Count,
                Stats.Median(browser) <= BrowserTargetMs, $"in-page performance.now() when [data-circuit='ready'] and [data-stage] are both present; the prerendered HTML had arrived at {Stats.Median(prerendered):0} ms (median responseEnd); signed in, warm cache, one uncounted first navigation"),
        ];
    }
}
