using InnovationCases.Domain;

namespace InnovationCases.Features.Moves;

/// <summary>What happened to a requested move. Refusals and conflicts are normal answers, not exceptions.</summary>
public abstract record MoveResult
{
    private MoveResult()
    {
    }

    /// <summary>The case moved; <paramref name="Version"/> is its new version.</summary>
    public sealed record Moved(string CaseNumber, Stage From, Stage To, int Version) : MoveResult;

    /// <summary>The move was not allowed; the reasons are Danish and say what to do.</summary>
    public sealed record Refused(IReadOnlyList<string> Reasons, IReadOnlyDictionary<string, string> FieldErrors) : MoveResult
    {
        public Refused(string reason) : this([reason], new Dictionary<string, string>())
        {
        }
    }

    /// <summary>Someone changed the case first; nothing was overwritten.</summary>
    public sealed record Conflict(string ChangedBy, Stage CurrentStage, int CurrentVersion, string Message) : MoveResult;

    /// <summary>No such case, or the actor may not see it (the two are not told apart).</summary>
    public sealed record NotFound(string Message) : MoveResult;
}
