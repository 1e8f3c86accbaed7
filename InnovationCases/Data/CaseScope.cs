using InnovationCases.Domain;

namespace InnovationCases.Data;

/// <summary>
/// Who may see which cases: the one place every query that lists or opens cases goes through.
/// Department staff see the cases where their department is lead or partner; other roles see all.
/// </summary>
public static class CaseScope
{
    public static IQueryable<InnovationCase> VisibleTo(this IQueryable<InnovationCase> cases, Actor actor) =>
        actor.Role switch
        {
            Role.DepartmentStaff when actor.DepartmentId is { } d =>
                cases.Where(c => c.LeadDepartmentId == d || c.PartnerDepartments.Any(p => p.DepartmentId == d)),
            Role.DepartmentStaff => cases.Where(_ => false),
            Role.Caseworker or Role.DirectorGroup or Role.Manager or Role.Admin => cases,
            _ => cases.Where(_ => false),
        };

    /// <summary>The same rule for a case already loaded (with its partner departments).</summary>
    public static bool CanSee(this Actor actor, InnovationCase c) => actor.Role switch
    {
        Role.DepartmentStaff => actor.DepartmentId is { } d && c.InvolvesDepartment(d),
        Role.Caseworker or Role.DirectorGroup or Role.Manager or Role.Admin => true,
        _ => false,
    };
}
