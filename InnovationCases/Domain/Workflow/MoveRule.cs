namespace InnovationCases.Domain.Workflow;

/// <summary>
/// One condition of a move. <see cref="Message"/> is the Danish refusal the user sees,
/// <see cref="Field"/> the data field it belongs to (null for the case's own preconditions), and
/// <see cref="Label"/> the few English words the README's generated diagram shows for it (null: not
/// shown, e.g. length limits).
/// </summary>
public sealed record MoveRule(string? Label, string Message, Func<MoveData?, bool> Holds, string? Field = null)
{
    /// <summary>A rule about the case or the actor, whatever the data.</summary>
    public static MoveRule Always(string? label, string message, Func<bool> holds) => new(label, message, _ => holds());

    /// <summary>A rule about a move's data; it holds while no data is given (the UI is only asking what is possible).</summary>
    public static MoveRule On<T>(string field, string? label, string message, Func<T, bool> holds)
        where T : MoveData =>
        new(label, message, d => d is not T t || holds(t), field);
}
