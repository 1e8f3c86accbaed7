using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace InnovationCases.Domain.Access;

/// <summary>
/// Who may see which case: one expression per kind of actor. Queries hand it to EF
/// (<see cref="Visible"/>, through <c>CaseScope.VisibleTo</c>), in-memory checks run its compiled
/// form (<see cref="CanSee"/>), so the database and the live feeds cannot disagree. Department staff
/// see the cases where their department is lead or partner; caseworkers, the director group,
/// managers and the administrator see all; anyone else sees nothing.
/// </summary>
public static class CaseAccess
{
    private static readonly ConcurrentDictionary<(Role, int?), Rule> Rules = new();

    /// <summary>The visibility rule for the actor, as an expression EF translates to SQL.</summary>
    public static Expression<Func<InnovationCase, bool>> Visible(Actor actor) => RuleFor(actor).Expression;

    /// <summary>The same rule for a case in memory (its <see cref="InnovationCase.PartnerDepartments"/> loaded).</summary>
    public static bool CanSee(this Actor actor, InnovationCase c) => RuleFor(actor).Holds(c);

    /// <summary>The same rule for something that knows only a case's departments (a board card, a live change).</summary>
    public static bool CanSee(this Actor actor, CaseParties parties) => RuleFor(actor).Holds(parties.AsCase);

    // Built per (role, department): the department is the rule's only varying part, and there are few.
    private static Rule RuleFor(Actor actor) =>
        Rules.GetOrAdd((actor.Role, actor.DepartmentId), key => new Rule(Build(key.Item1, key.Item2)));

    private static Expression<Func<InnovationCase, bool>> Build(Role role, int? department) => role switch
    {
        Role.DepartmentStaff when department is { } d =>
            c => c.LeadDepartmentId == d || c.PartnerDepartments.Any(p => p.DepartmentId == d),
        Role.Caseworker or Role.DirectorGroup or Role.Manager or Role.Admin => c => true,
        _ => c => false,
    };

    private sealed class Rule(Expression<Func<InnovationCase, bool>> expression)
    {
        public Expression<Func<InnovationCase, bool>> Expression { get; } = expression;
        public Func<InnovationCase, bool> Holds { get; } = expression.Compile();
    }
}
