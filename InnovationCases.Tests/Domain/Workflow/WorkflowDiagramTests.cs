using System.Text.RegularExpressions;
using InnovationCases.Domain.Workflow;

namespace InnovationCases.Tests.Domain.Workflow;

public sealed class WorkflowDiagramTests
{
    [Fact]
    public void README_diagram_equals_the_one_generated_from_the_machine()
    {
        var readme = File.ReadAllText(FindRepoFile("README.md"));
        var match = Regex.Match(readme, "<!-- workflow-diagram:start -->\\s*```mermaid\\n(.*?)```\\s*<!-- workflow-diagram:end -->", RegexOptions.Singleline);
        Assert.True(match.Success, "README.md has no generated workflow diagram block.");

        var expected = CaseWorkflow.MermaidDiagram().Trim().ReplaceLineEndings("\n");
        Assert.Equal(expected, match.Groups[1].Value.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Diagram_has_every_transition_of_the_design_table()
    {
        var diagram = CaseWorkflow.MermaidDiagram();
        foreach (var (from, trigger, to) in WorkflowTable.Transitions)
        {
            Assert.Matches($"{from} --> {to} ?: ?{trigger}", diagram);
        }
    }

    [Fact]
    public void The_diagrams_guard_labels_are_the_rules_own_labels()
    {
        var diagram = CaseWorkflow.MermaidDiagram();

        // The role rule comes first, then what the move needs: the labels the rules carry.
        Assert.Contains("Grant / record grant and council decision [caseworker, needs amount above 0, at most recommended, at most pool remaining", diagram);
        Assert.Contains("Stop / record spend and lessons [caseworker, needs reason, lessons, actual spend, at most granted]", diagram);
        Assert.DoesNotContain("TooLong", diagram);
        Assert.DoesNotContain(";", diagram.Split('\n', 2)[1]);
    }

    internal static string FindRepoFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "InnovationCases.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(name);
    }
}
