namespace InnovationCases.Bench;

/// <summary>One row of docs/BENCHMARKS.md: a scenario's measured median and p95 against its target.</summary>
public sealed record ScenarioResult(
    string Id,
    string Scenario,
    string Target,
    string Unit,
    double Median,
    double P95,
    int N,
    bool Met,
    string Notes = "",
    string? P95Unit = null);
