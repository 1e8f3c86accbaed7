using InnovationCases.Bench;

// dotnet run -c Release --project bench/InnovationCases.Bench -- all            (full scale, writes docs/BENCHMARKS.md)
// dotnet run -c Release --project bench/InnovationCases.Bench -- all --smoke    (tiny scale, seconds; CI runs this)
// dotnet run -c Release --project bench/InnovationCases.Bench -- B1 B5          (some scenarios)
// dotnet run -c Release --project bench/InnovationCases.Bench -- B1 B3 B5 B6 --postgres   (on a throwaway PostgreSQL; rows get "-pg")
var smoke = args.Contains("--smoke");
BenchDatabase.Configure(args);
var wanted = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => a.ToUpperInvariant()).ToHashSet();
if (wanted.Count == 0)
{
    wanted.Add("ALL");
}

var scenarios = new (string Id, Func<bool, Task<IReadOnlyList<ScenarioResult>>> Run)[]
{
    ("B1", MovesScenario.RunAsync),
    ("B5", AggregatesScenario.RunAsync),
    ("B6", GridScenario.RunAsync),
    ("B7", DeliveryScenario.RunAsync),
    ("B8", PublicPageScenario.RunAsync),
    ("B2", BoardScaleScenario.RunAsync),
    ("B3", LiveFanOutScenario.RunAsync),
    ("B4", CircuitMemoryScenario.RunAsync),
    ("B10", ManyCircuitsScenario.RunAsync),
    ("B9", OutboxScenario.RunAsync),
};

var results = new List<ScenarioResult>();
foreach (var (id, run) in scenarios)
{
    if (!wanted.Contains("ALL") && !wanted.Contains(id))
    {
        continue;
    }

    Console.WriteLine($"{id}: running{(smoke ? " (smoke)" : "")}…");
    foreach (var measured in await run(smoke))
    {
        var r = BenchDatabase.Postgres ? measured with { Id = measured.Id + "-pg", Scenario = measured.Scenario + " (PostgreSQL)" } : measured;
        results.Add(r);
        Console.WriteLine($"  {r.Id} {r.Scenario}: median {r.Median:0.##} {r.Unit}, p95 {r.P95:0.##}, N {r.N}, target {r.Target}: {(r.Met ? "met" : "MISSED")} {r.Notes}");
    }
}

Report.Write(results, smoke);
return 0;
