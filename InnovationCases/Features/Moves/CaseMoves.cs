using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;

namespace InnovationCases.Features.Moves;

/// <summary>A case's current stage and version, and every move from there: allowed, or why not.</summary>
public sealed record CaseMoves(string CaseNumber, Stage Stage, int Version, IReadOnlyList<MoveCheck> Options)
{
    public IEnumerable<MoveCheck> Allowed => Options.Where(o => o.Allowed);
}
