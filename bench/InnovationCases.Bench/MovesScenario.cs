using System.Diagnostics;
using InnovationCases.Features.Moves;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Bench;

/// <summary>B1: moves through the real workflow service (load, guard, save, event), one writer and then 16 at once.</summary>
internal static class MovesScenario
{
    public const double TargetPerSecond = 2_000;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(bool smoke)
    {
        // BENCH_B1_MOVES=<n> runs another size (a quick before/after comparison on a busy machine).
        var moves = int.TryParse(Environment.GetEnvironmentVariable("BENCH_B1_MOVES"), out var n) ? n : smoke ? 320 : 20_000;
        var repeats = smoke ? 1 : 3;
        // BENCH_B1_WRITERS=1 (or 16) runs only that half: a profile of one writer's moves without the other's.
        var only = int.TryParse(Environment.GetEnvironmentVariable("BENCH_B1_WRITERS"), out var w) ? w : (int?)null;
        var single = new List<double>();
        var concurrent = new List<double>();
        var latencies = new List<double>();
        var concurrentLatencies = new List<double>();
        var errors = 0;
        var lost = 0;
        var cpu = new List<double>();
        var concurrentCpu = new List<double>();
        var serverCpu = new List<double>();
        var concurrentServerCpu = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            if (only is null or 1)
            {
                var (rate, lat, err, missing, cpuMs, serverMs) = await RunOnceAsync(moves, writers: 1);
                single.Add(rate);
                cpu.Add(cpuMs);
                AddServer(serverCpu, serverMs);
                latencies.AddRange(lat);
                errors += err;
                lost += missing;
            }

            if (only is null or 16)
            {
                var (rate, lat, err, missing, cpuMs, serverMs) = await RunOnceAsync(moves, writers: 16);
                concurrent.Add(rate);
                concurrentCpu.Add(cpuMs);
                AddServer(concurrentServerCpu, serverMs);
                concurrentLatencies.AddRange(lat);
                errors += err;
                lost += missing;
            }
        }

        var notes = $"{errors} errors, {lost} events missing; the p95 column is the latency of one move";
        // The app's CPU per move (all threads of the process, the database engine's too on SQLite): what is left of a move besides waiting.
        // On PostgreSQL on this machine also the server's processes' CPU per move: the other half of a move's cost.
        string Cpu(List<double> ms, List<double> server) => $"; CPU {Stats.Median(ms):0.00} ms per move"
            + (server.Count > 0 ? $", PostgreSQL server CPU {Stats.Median(server):0.00} ms per move" : "");
        // The scenario says the count it ran (BENCH_B1_MOVES: PostgreSQL's quiet runs use 5,000).
        var count = moves.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        var results = new List<ScenarioResult>();
        if (single.Count > 0)
        {
            results.Add(new("B1a", $"{count} moves, one writer", "≥ 2,000 moves/s, 0 errors", "moves/s", Stats.Median(single), Stats.Percentile(latencies, 95), moves * repeats,
                Stats.Median(single) >= TargetPerSecond && errors == 0 && lost == 0, notes + Cpu(cpu, serverCpu), "ms per move"));
        }

        if (concurrent.Count > 0)
        {
            results.Add(new("B1b", $"{count} moves, 16 concurrent writers", "≥ 2,000 moves/s, 0 errors", "moves/s", Stats.Median(concurrent), Stats.Percentile(concurrentLatencies, 95), moves * repeats,
                Stats.Median(concurrent) >= TargetPerSecond && errors == 0 && lost == 0, notes + Cpu(concurrentCpu, concurrentServerCpu), "ms per move"));
        }

        return results;
    }

    private static void AddServer(List<double> list, double? ms)
    {
        if (ms is { } value)
        {
            list.Add(value);
        }
    }

    /// <param name="settings">Extra configuration (B9 switches the outbox off or on).</param>
    /// <param name="prepare">Runs after the data is in place, before the clock starts (B9 adds the recipients).</param>
    /// <param name="finish">Runs after the clock stopped, while the host still runs (B9 waits for the notification fan-out).</param>
    internal static async Task<(double Rate, List<double> Latencies, int Errors, int Missing, double CpuMsPerMove, double? ServerCpuMsPerMove)> RunOnceAsync(int moves, int writers,
        IReadOnlyDictionary<string, string?>? settings = null, Func<BenchHost, Task>? prepare = null, Func<BenchHost, Task>? finish = null)
    {
        // As deployed: no command counter (an interceptor the app does not have) around the timed moves.
        await using var host = await BenchHost.StartAsync("b1", settings: settings, countCommands: false);
        // The deployed app copies the WAL back in the background (WalCheckpointer, SQLite only); the
        // host is not started here, so its services are not either: this one is part of what a move costs
        // the app, and without it the writers' raised backstop would checkpoint far less than in production.
        var checkpointer = host.Services.GetService<WalCheckpointer>();
        if (checkpointer is not null)
        {
            await checkpointer.StartAsync(CancellationToken.None);
        }

        const int movesPerCase = 10;
        await ScaleData.AddAsync(host, open: moves / movesPerCase, closed: 0, eventsPerCase: 1, openStages: [Stage.Submitted]);
        if (prepare is not null)
        {
            await prepare(host);
        }

        List<(string Number, int Version, int Id)> cases;
        await using (var db = await host.DbAsync())
        {
            // Only the generated Submitted cases: each gets Screen, SendBack, Screen, ... moves.
            cases = await db.Cases.Where(c => c.Stage == Stage.Submitted && c.Title.StartsWith("Skalering"))
                .Select(c => new ValueTuple<string, int, int>(c.CaseNumber, c.Version, c.Id)).ToListAsync();
        }

        var service = host.Services.GetRequiredService<CaseWorkflowService>();
        var actor = (await (await host.DbAsync()).Users.SingleAsync(u => u.Email == "sagsbehandler@aarhus.example")).ToActor();
        var sendBack = new SendBackData("Uddyb business casen.");
        var errors = 0;
        var latencies = new List<double>();
        var planned = cases.Take(moves / movesPerCase).ToList();
        // BENCH_SQL=1 prints each statement of the measured moves with its duration (where the time goes).
        using var trace = SqlTrace.Start();
        // BENCH_PG_WAITS=1 (PostgreSQL) samples what the server's sessions wait on during the measured moves.
        var waits = PgWaitSampler.Start(host.ConnectionString);
        // On PostgreSQL on this machine, the server's CPU too (its processes only): a move's cost is both.
        var server = await PgServerCpu.FindAsync(host.ConnectionString);
        var serverBefore = server?.Seconds() ?? 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        // Bytes allocated per move (all threads): unlike CPU time, it does not grow with the other
        // work on the machine, so a before/after on a busy machine can still show what EF's per-move work costs.
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        // Collections and the time the GC paused every thread: what allocation by work beside the moves (B9's fan-out) costs them.
        var gen0Before = GC.CollectionCount(0);
        var gen1Before = GC.CollectionCount(1);
        var pausedBefore = GC.GetTotalPauseDuration();
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = new List<double>();
            foreach (var (number, startVersion, _) in planned.Where((_, i) => i % writers == w))
            {
                var version = startVersion;
                for (var m = 0; m < movesPerCase; m++)
                {
                    var sw = Stopwatch.StartNew();
                    var result = m % 2 == 0
                        ? await service.FireAsync(number, new ScreenData(), actor, version)
                        : await service.FireAsync(number, sendBack, actor, version);
                    mine.Add(sw.Elapsed.TotalMilliseconds);
                    if (result is MoveResult.Moved moved)
                    {
                        version = moved.Version;
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        })));
        total.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var serverUsed = server?.Seconds() - serverBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var gcNote = $", {GC.CollectionCount(0) - gen0Before} gen0 / {GC.CollectionCount(1) - gen1Before} gen1 collections pausing {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:0} ms";
        var serverNote = serverUsed is { } used ? $", server CPU {used * 1000 / moves:0.00} ms per move" : "";
        // Moves over 10 ms: with one writer, mostly the commits that checkpointed the WAL (a count, less load-bound than a rate).
        var slow = latencies.Count(l => l > 10);
        Console.WriteLine($"    B1 {moves} moves, {writers} writer(s): {moves / total.Elapsed.TotalSeconds:0} moves/s, {allocated / 1024.0 / moves:0.0} KB allocated per move, app CPU {cpuUsed.TotalMilliseconds / moves:0.00} ms per move{serverNote}{gcNote}, {slow} moves over 10 ms");
        trace?.Dispose();
        if (waits is not null)
        {
            await waits.DisposeAsync();
        }

        if (finish is not null)
        {
            await finish(host);
        }

        if (checkpointer is not null)
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }

        await using var check = await host.DbAsync();
        var ids = planned.Select(p => p.Id).ToList();
        var stored = await check.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.Moved && ids.Contains(e.CaseId));
        var made = planned.Count * movesPerCase - errors;
        if (planned.Count * movesPerCase != moves)
        {
            throw new InvalidOperationException($"Planned {planned.Count * movesPerCase} moves, wanted {moves}.");
        }

        return (made / total.Elapsed.TotalSeconds, latencies, errors, made - stored, cpuUsed.TotalMilliseconds / Math.Max(1, made), serverUsed * 1000 / Math.Max(1, made));
    }
}
