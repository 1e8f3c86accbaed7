namespace InnovationCases.Domain.Workflow;

/// <summary>Everything the workflow's rules read besides the move's own data.</summary>
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

    /// <summary>A caseworker, or the local pool's own department (DESIGN.md: it runs its own awards).</summary>
    public bool ActsAsCaseworker => Actor.Role == Role.Caseworker || ActorOwnsLocalPool;

    /// <summary>Today in Denmark, the date a council decision may not lie after.</summary>
    public DateOnly Today => DanishTime.Today(Now);

    /// <summary>Set only for the README's diagram: every rule of every trigger is listed, whatever the pool.</summary>
    internal bool ForDiagram { get; init; }
}
