using System.Linq.Expressions;

namespace InnovationCases.Domain;

/// <summary>
/// What a case takes from its pool: the granted amount while granted, implemented or evaluated; the
/// actual spend once stopped (the rest flows back), else the granted amount; nothing otherwise.
/// The one formula: EF translates <see cref="Amount"/> to SQL, in-memory code runs its compiled form.
/// </summary>
public static class PoolConsumption
{
    public static readonly Expression<Func<InnovationCase, long>> Amount = c =>
        c.Stage == Stage.Granted || c.Stage == Stage.Implemented || c.Stage == Stage.Evaluated ? c.GrantedAmount ?? 0
        : c.Stage == Stage.Stopped ? c.ActualSpend ?? c.GrantedAmount ?? 0
        : 0L;

    private static readonly Func<InnovationCase, long> Compiled = Amount.Compile();

    public static long Of(InnovationCase c) => Compiled(c);

    /// <summary>
    /// A projection that needs the consumed amount next to other columns: <paramref name="projection"/>
    /// gets it as its second parameter, and the result is the same tree as if the formula were written
    /// inline, so EF translates it like any other projection.
    /// </summary>
    public static Expression<Func<InnovationCase, TResult>> Project<TResult>(Expression<Func<InnovationCase, long, TResult>> projection)
    {
        var c = projection.Parameters[0];
        var amount = new Replace(Amount.Parameters[0], c).Visit(Amount.Body);
        var body = new Replace(projection.Parameters[1], amount).Visit(projection.Body);
        return Expression.Lambda<Func<InnovationCase, TResult>>(body, c);
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
