using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace InnovationCases.Domain.Access;

/// <summary>
/// Who may see which case: one expression per kind of actor. Queries hand it to EF
/// (<see cref="Visible"/>, through <c>CaseScope.VisibleTo</c>), in-memory checks run its compiled
/// form (<see cref="CanSee"/>), so the database and the live feeds cannot disagree. Department staff
/// see the cases where their department is lead or partner; caseworkers, the director group,
/// managers and the administrator see all; an advisory board member sees exactly the cases they are
/// assigned to; anyone else sees nothing.
/// </summary>
public static class CaseAccess
{
    private static readonly ConcurrentDictionary<RuleKey, Rule> Rules = new();

    /// <summary>The visibility rule for the actor, as an expression EF translates to SQL.</summary>
    public static Expression<Func<InnovationCase, bool>> Visible(Actor actor) => RuleFor(actor).Expression;

    /// <summary>The same rule for a case in memory (its partner departments and assignments loaded).</summary>
    public static bool CanSee(this Actor actor, InnovationCase c) => RuleFor(actor).Holds(c);

    /// <summary>The same rule for something that knows only a case's parties (a board card, a live change).</summary>
    public static bool CanSee(this Actor actor, CaseParties parties) => RuleFor(actor).Holds(parties.AsCase);

    /// <summary>
    /// Whether the actor sees every case and may browse them: then figures kept over all cases (the
    /// dashboard's <c>StageDay</c> rows) are theirs as they stand, with nothing to leave out.
    /// </summary>
    public static bool SeesEveryCase(this Actor actor) => actor.MayBrowseCases() && RuleFor(actor).SeesAll;

    // Most rules vary only by (role, department), and there are few. The advisory board's rule is the
    // one that depends on the person, so only for that role the user is part of the key.
    private static Rule RuleFor(Actor actor) =>
        Rules.GetOrAdd(RuleKey.For(actor), key => new Rule(Build(key)));

    private static Expression<Func<InnovationCase, bool>> Build(RuleKey key)
    {
        var (role, department, userId) = key;
        return role switch
        {
            Role.DepartmentStaff when department is { } d =>
                c => c.LeadDepartmentId == d || c.PartnerDepartments.Any(p => p.DepartmentId == d),
            Role.Caseworker or Role.DirectorGroup or Role.Manager or Role.Admin => c => true,
            Role.AdvisoryBoard when userId is { Length: > 0 } u => c => c.Assignments.Any(a => a.UserId == u),
            _ => c => false,
        };
    }

    private sealed record RuleKey(Role Role, int? DepartmentId, string? UserId)
    {
        public static RuleKey For(Actor actor) =>
            new(actor.Role, actor.DepartmentId, actor.Role == Role.AdvisoryBoard ? actor.UserId : null);
    }

    private sealed class Rule(Expression<Func<InnovationCase, bool>> expression)
    {
        public Expression<Func<InnovationCase, bool>> Expression { get; } = expression;
        public Func<InnovationCase, bool> Holds { get; } = expression.Compile();

        /// <summary>The rule is the constant <c>true</c>: every case, whatever its data.</summary>
        public bool SeesAll { get; } = expression.Body is ConstantExpression { Value: true };
    }
}
