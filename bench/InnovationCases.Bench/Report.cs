using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace InnovationCases.Bench;

/// <summary>Writes results to bench/results.json and the table in docs/BENCHMARKS.md (smoke runs only to bench/results.smoke.json).</summary>
internal static class Report
{
    private const string Start = "<!-- bench:results:start -->";
    private const string End = "<!-- bench:results:end -->";

    public static void Write(IReadOnlyList<ScenarioResult> results, bool smoke)
    {
        var root = RepoRoot();
        var commit = Git(root, "rev-parse --short HEAD");
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var jsonPath = Path.Combine(root, "bench", smoke ? "results.smoke.json" : "results.json");
        var rows = results.Select(r => new StoredResult(r, date, commit)).ToList();
        if (File.Exists(jsonPath))
        {
            // Keep the scenarios not run this time, as the markdown table does.
            try
            {
                var old = JsonSerializer.Deserialize<StoredFile>(File.ReadAllText(jsonPath));
                rows.AddRange(old?.Results?.Where(o => results.All(r => r.Id != o.Result.Id)) ?? []);
            }
            catch (JsonException)
            {
                // An older format: start afresh.
            }
        }

        var json = JsonSerializer.Serialize(
            new StoredFile(smoke, $"{Environment.ProcessorCount} cores", rows.OrderBy(r => r.Result.Id, StringComparer.Ordinal).ToList()),
            new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(jsonPath, json);
        if (smoke)
        {
            return;
        }

        var table = new StringBuilder();
        table.AppendLine("| id | scenario | target | median | p95 | N | met | date | commit |");
        table.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Id} | {r.Scenario} | {r.Target} | {r.Median:0.##} {r.Unit} | {r.P95:0.##} {r.P95Unit ?? r.Unit} | {r.N} | {(r.Met ? "yes" : "**no**")} | {date} | {commit} |");
        }

        var path = Path.Combine(root, "docs", "BENCHMARKS.md");
        var doc = File.Exists(path) ? File.ReadAllText(path) : $"# Benchmarks\n\n{Start}\n{End}\n";
        var a = doc.IndexOf(Start, StringComparison.Ordinal);
        var b = doc.IndexOf(End, StringComparison.Ordinal);
        doc = doc[..(a + Start.Length)] + "\n" + MergeRows(doc[(a + Start.Length)..b], table.ToString(), results) + doc[b..];
        File.WriteAllText(path, doc);
    }

    /// <summary>Keeps rows of scenarios not run this time, so running one scenario does not erase the others.</summary>
    private static string MergeRows(string oldTable, string newTable, IReadOnlyList<ScenarioResult> results)
    {
        var ran = results.Select(r => $"| {r.Id} |").ToHashSet();
        var kept = oldTable.Split('\n').Where(l => l.StartsWith("| B", StringComparison.Ordinal) && !ran.Any(l.StartsWith));
        var rows = newTable.Split('\n').Where(l => l.StartsWith("| B", StringComparison.Ordinal)).Concat(kept).OrderBy(l => l, StringComparer.Ordinal);
        var header = string.Join('\n', newTable.Split('\n').Take(2));
        return header + "\n" + string.Join('\n', rows) + "\n";
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InnovationCases.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static string Git(string root, string args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("git", args) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return output;
        }
        catch (Exception)
        {
            return "unknown";
        }
    }

    private sealed record StoredResult(ScenarioResult Result, string Date, string Commit);

    private sealed record StoredFile(bool Smoke, string Machine, List<StoredResult> Results);
}
