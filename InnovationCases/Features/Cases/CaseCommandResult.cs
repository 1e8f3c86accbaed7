namespace InnovationCases.Features.Cases;

/// <summary>
/// What happened to a command on a case (submit, edit, assessment, effect report). Invalid input,
/// refusals and conflicts are normal answers with Danish messages, not exceptions.
/// </summary>
public abstract record CaseCommandResult
{
    private CaseCommandResult()
    {
    }

    /// <summary>Stored; <paramref name="Version"/> is the case's version afterwards.</summary>
    public sealed record Done(string CaseNumber, int Version, string? Message = null) : CaseCommandResult;

    /// <summary>The input breaks the rules; each message belongs to a field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> FieldErrors) : CaseCommandResult;

    /// <summary>The actor may not do this now; the reason says why.</summary>
    public sealed record Refused(string Reason) : CaseCommandResult;

    /// <summary>Someone changed the case first; nothing was overwritten.</summary>
    public sealed record Conflict(string Message) : CaseCommandResult;

    /// <summary>No such case, or the actor may not see it (the two are not told apart).</summary>
    public sealed record NotFound(string Message) : CaseCommandResult;
}
