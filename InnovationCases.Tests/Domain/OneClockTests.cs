namespace InnovationCases.Tests.Domain;

/// <summary>The UI has one clock (DanishTime); conversions through the server's zone show UTC in a container.</summary>
public sealed class OneClockTests
{
    [Theory]
    [InlineData("ToLocalTime(")]
    [InlineData("GetLocalNow(")]
    [InlineData("DateTime.Now")]
    [InlineData("DateTime.Today")]
    [InlineData("FindSystemTimeZoneById")]
    public void The_app_converts_times_only_through_DanishTime(string forbidden)
    {
        var app = Path.Combine(Path.GetDirectoryName(Workflow.WorkflowDiagramTests.FindRepoFile("InnovationCases.sln"))!, "InnovationCases");
        var sources = Directory.EnumerateFiles(app, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var offenders = sources
            .Where(f => Path.GetFileName(f) != "DanishTime.cs" && File.ReadAllText(f).Contains(forbidden, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(app, f))
            .ToList();

        Assert.True(sources.Count > 50, $"Found only {sources.Count} source files under {app}.");
        Assert.Empty(offenders);
    }
}
