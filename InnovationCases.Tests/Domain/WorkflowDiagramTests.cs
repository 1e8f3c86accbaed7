using System.Text.RegularExpressions;
using InnovationCases.Domain.Workflow;

namespace InnovationCases.Tests.Domain;

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
