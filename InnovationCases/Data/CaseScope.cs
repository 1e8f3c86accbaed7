using InnovationCases.Domain;

namespace InnovationCases.Data;

/// <summary>
/// The one place every query that lists or opens cases goes through: it applies
/// <see cref="CaseAccess"/>'s visibility rule in SQL.
/// </summary>
public static class CaseScope
{
    public static IQueryable<InnovationCase> VisibleTo(this IQueryable<InnovationCase> cases, Actor actor) =>
        cases.Where(CaseAccess.Visible(actor));
}
