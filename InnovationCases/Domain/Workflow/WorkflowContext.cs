namespace InnovationCases.Domain.Workflow;

/// <summary>Everything the workflow's guards read besides the trigger's own data.</summary>
/// <param name="Actor">Who fires the trigger.</param>
/// <param name="Case">The case, whose <see cref="InnovationCase.Stage"/> the machine reads and writes.</param>
/// <param name="Pool">The case's pool.</param>
/// <param name="PoolRemaining">The pool's budget minus what its cases consume now.</param>
/// <param name="HasQualifyingAssessment">At least one assessment finds the main criterion met.</param>
/// <param name="Now">When the move happens (UTC).</param>
public sealed record WorkflowContext(
    Actor Actor,
    InnovationCase Case,
    Pool Pool,
    long PoolRemaining,
    bool HasQualifyingAssessment,
    DateTime Now)
{
    /// <summary>True when the actor is staff of the department whose local funds the case belongs to.</summary>
    public bool ActorOwnsLocalPool =>
        Pool.Kind == PoolKind.LocalFunds && Pool.DepartmentId is { } d && Actor.IsStaffOf(d);
}
