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

    /// <summary>
    /// The cases a list shows the actor (board, grid, dashboard, reports, pools, knowledge bank):
    /// those they may see, and none at all for an actor who may open single cases but browse no list.
    /// </summary>
    public static IQueryable<InnovationCase> ListedFor(this IQueryable<InnovationCase> cases, Actor actor) =>
        actor.MayBrowseCases() ? cases.VisibleTo(actor) : cases.Where(c => false);
}
