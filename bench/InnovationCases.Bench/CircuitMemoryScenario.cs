using InnovationCases.Features.Board;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnovationCases.Bench;

/// <summary>
/// B4: managed memory per connected board circuit. The app runs in this process, so a forced full
/// GC here measures the server's heap: before opening the boards and after all are open and
/// settled, divided by the number of circuits. The Playwright client objects for the pages live in
/// this process too; a control round with the same number of blank pages measures that share.
/// </summary>
internal static class CircuitMemoryScenario
{
    public const double TargetBytes = 1024 * 1024;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(bool smoke)
    {
        var circuits = smoke ? 2 : 20;
        var rounds = smoke ? 1 : 3;

        // Diagnostics: BENCH_BOARD_PAGE_SIZE=<n> caps the cards per column (1: what a board costs without
        // its cards); BENCH_BOARD_FIRST_PAGE=<n> sets the first page (20: as before session 6).
        var settings = new Dictionary<string, string?>();
        if (Environment.GetEnvironmentVariable("BENCH_BOARD_PAGE_SIZE") is { } pageSize)
        {
            settings["Board:PageSize"] = pageSize;
        }

        if (Environment.GetEnvironmentVariable("BENCH_BOARD_FIRST_PAGE") is { } firstPage)
        {
            settings["Board:FirstPageSize"] = firstPage;
        }

        await using var host = await BenchHost.StartAsync("b4", listen: true, settings.Count == 0 ? null : settings);

        // Every column holds more than a page, so each board holds its full default page of cards.
        await ScaleData.AddAsync(host, open: smoke ? 50 : 1_000, closed: smoke ? 20 : 1_000, eventsPerCase: 3);
        var feed = host.Services.GetRequiredService<BoardFeed>();

        await using var chromium = await BoardBrowser.LaunchAsync(host.Url!);
        var caseworkers = await chromium.SignedInAsync(BoardBrowser.Caseworker);

        // Warm-up: one board opened and closed, so JIT, caches and static assets are not counted.
        await CloseAllAsync([await BoardBrowser.OpenBoardAsync(caseworkers)], feed);

        var perCircuit = new List<double>();
        var control = new List<double>();
        var cards = 0;
        for (var r = 0; r < rounds; r++)
        {
            // Control: the same number of pages that never reach the app.
            var baseline = Heap();
            var blanks = new List<IPage>();
            for (var i = 0; i < circuits; i++)
            {
                var blank = await caseworkers.NewPageAsync();
                await blank.GotoAsync("about:blank");
                blanks.Add(blank);
            }

            control.Add((Heap() - baseline) / circuits);
            foreach (var blank in blanks)
            {
                await blank.CloseAsync();
            }

            var before = Heap();
            var pages = new List<IPage>();
            for (var i = 0; i < circuits; i++)
            {
                pages.Add(await BoardBrowser.OpenBoardAsync(caseworkers));
            }

            await WaitUntilAsync(() => feed.SubscriberCount == circuits);
            await Task.Delay(1_000);
            cards = await pages[0].Locator("[data-case-number]").CountAsync();
            var after = Heap();
            perCircuit.Add((after - before) / circuits);
            Console.WriteLine($"  round {r + 1}: {(after - before) / circuits / 1024:0} KB per circuit, {cards} cards per board");
            if (Environment.GetEnvironmentVariable("BENCH_PAUSE") is { } pause && r == 0)
            {
                Console.WriteLine($"PAUSED pid {Environment.ProcessId}");
                while (!File.Exists(pause))
                {
                    await Task.Delay(200);
                }
            }
            await CloseAllAsync(pages, feed);
        }

        var kb = perCircuit.Select(b => b / 1024).ToList();
        return
        [
            new("B4", $"managed memory per board circuit, {circuits} circuits", "≤ 1 MB per circuit", "KB", Stats.Median(kb), Stats.Percentile(kb, 95), rounds * circuits,
                Stats.Median(perCircuit) <= TargetBytes,
                $"GC.GetTotalMemory(true) after a forced full GC, (after − before) / {circuits}, {rounds} rounds; {cards} cards per board; " +
                $"includes the in-process Playwright client's share, measured with blank pages at {Stats.Median(control) / 1024:0.#} KB per page"),
        ];
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

    private static async Task CloseAllAsync(IEnumerable<IPage> pages, BoardFeed feed)
    {
        foreach (var page in pages)
        {
            await page.CloseAsync(new() { RunBeforeUnload = true });
        }

        // A page closed on a loaded machine may not get its disconnect beacon out; its circuit then
        // ends when the server gives up on it (3 minutes), so wait a little longer than that.
        await WaitUntilAsync(() => feed.SubscriberCount == 0, TimeSpan.FromMinutes(4));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The board circuits did not reach the expected count.");
            }

            await Task.Delay(50);
        }
    }
}
