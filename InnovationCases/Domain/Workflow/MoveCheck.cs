namespace InnovationCases.Domain.Workflow;

/// <summary>
/// The answer to "may this actor make this move now?". <see cref="Reasons"/> are Danish and say
/// what to do; <see cref="FieldErrors"/> holds the subset of reasons that belong to one data field.
/// </summary>
public sealed record MoveCheck(
    Trigger Trigger,
    Stage? Target,
    bool Allowed,
    IReadOnlyList<string> Reasons,
    IReadOnlyDictionary<string, string> FieldErrors)
{
    public static MoveCheck Refused(Trigger trigger, Stage? target, string reason) =>
        new(trigger, target, false, [reason], new Dictionary<string, string>());
}
