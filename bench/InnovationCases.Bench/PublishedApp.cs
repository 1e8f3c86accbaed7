using System.Diagnostics;

namespace InnovationCases.Bench;

/// <summary>
/// The app's static files as <c>dotnet publish</c> deploys them (README, "Publish and run in
/// production"): fingerprinted, precompressed (Brotli and gzip) and served <c>immutable</c>. The
/// build output's manifest serves every file uncompressed and <c>no-cache</c>, so a browser fetched
/// or revalidated them on every navigation, which no user of the deployed app does. Published once
/// per bench run (without building again: the bench's own build of the app is published) into the
/// bench's output folder; the hosts that serve browsers use its <c>wwwroot</c> and endpoint manifest.
/// </summary>
internal static class PublishedApp
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    public static Task<string> FolderAsync() => Published.Value;

    public static string Manifest(string folder) => Path.Combine(folder, "InnovationCases.staticwebassets.endpoints.json");

    private static async Task<string> PublishAsync()
    {
        var project = FindProject();
        var output = Path.Combine(AppContext.BaseDirectory, "published-app");
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "publish", project, "-c", configuration, "--no-build", "-o", output, "-nologo", "-v", "q" })
        {
            start.ArgumentList.Add(arg);
        }

        var sw = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !File.Exists(Manifest(output)))
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        Console.WriteLine($"  (app published to {output} in {sw.Elapsed.TotalSeconds:0.0} s: browsers get its static files as deployed)");
        return output;
    }

    private static string FindProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "InnovationCases", "InnovationCases.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("InnovationCases/InnovationCases.csproj not found above " + AppContext.BaseDirectory);
    }
}
