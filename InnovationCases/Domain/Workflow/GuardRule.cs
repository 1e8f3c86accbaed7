namespace InnovationCases.Domain.Workflow;

/// <summary>One condition of a move: its Danish refusal message and, if it is about the move's data, the field.</summary>
internal sealed record GuardRule(string Message, Func<TransitionData?, bool> Holds, string? Field = null)
{
    /// <summary>A rule about data: it holds while no data is given (the UI is only asking what is possible).</summary>
    public static GuardRule OnData(string field, string message, Func<TransitionData, bool> holds) =>
        new(message, d => d is null || holds(d), field);

    public static GuardRule Always(string message, Func<bool> holds) => new(message, _ => holds());
}
