using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnovationCases.Data;

/// <summary>
/// Features filter text with <c>EF.Functions.Like</c>, which SQLite matches without regard to case;
/// PostgreSQL's LIKE does regard it. Rather than make every feature know the provider, queries on
/// PostgreSQL have their LIKE turned into ILIKE (which the trigram indexes also serve).
/// </summary>
internal sealed class PostgresCaseInsensitiveLike : ExpressionVisitor, IQueryExpressionInterceptor
{
    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo LikeNoEscape = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ILikeNoEscape = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        Visit(queryExpression);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = (MethodCallExpression)base.VisitMethodCall(node);
        if (visited.Method == Like)
        {
            return Expression.Call(ILike, visited.Arguments);
        }

        return visited.Method == LikeNoEscape ? Expression.Call(ILikeNoEscape, visited.Arguments) : visited;
    }
}
