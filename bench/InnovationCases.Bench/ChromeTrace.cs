using System.Text.Json;
using Microsoft.Playwright;

namespace InnovationCases.Bench;

/// <summary>
/// A Chromium performance trace of one page (CDP <c>Tracing</c>, the events DevTools' Performance
/// panel records), written as a JSON array of trace events: a diagnostic, not a measurement. It
/// includes V8's sampling profiler (ProfileChunk events), which names the scripts' functions that
/// run long, and stretches the traced navigation a little more.
/// </summary>
internal sealed class ChromeTrace
{
    private static readonly string[] Categories =
        ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "loading", "v8", "v8.execute", "toplevel", "blink.user_timing", "disabled-by-default-v8.cpu_profiler"];

    private readonly ICDPSession _cdp;
    private readonly List<JsonElement> _events = [];
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChromeTrace(ICDPSession cdp)
    {
        _cdp = cdp;
        cdp.Event("Tracing.dataCollected").OnEvent += (_, data) =>
        {
            if (data is { } d)
            {
                lock (_events)
                {
                    _events.AddRange(d.GetProperty("value").EnumerateArray().Select(e => e.Clone()));
                }
            }
        };
        cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => _complete.TrySetResult();
    }

    public static async Task<ChromeTrace> StartAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var trace = new ChromeTrace(cdp);
        await cdp.SendAsync("Tracing.start", new()
        {
            ["transferMode"] = "ReportEvents",
            ["traceConfig"] = new Dictionary<string, object> { ["includedCategories"] = Categories },
        });
        return trace;
    }

    public async Task StopAsync(string path)
    {
        await _cdp.SendAsync("Tracing.end");
        await _complete.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await using var file = File.Create(path);
        lock (_events)
        {
            JsonSerializer.Serialize(file, _events);
        }
    }
}
