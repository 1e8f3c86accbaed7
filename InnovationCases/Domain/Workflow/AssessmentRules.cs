using InnovationCases.Resources;

namespace InnovationCases.Domain.Workflow;

/// <summary>
/// Who may score a case, beside the moves: a director group member, while the case is Screened,
/// once; and on the cross-cutting pool only with fresh eyes — never an assessor whose department is
/// the case's lead or partner (DESIGN.md). Recommend then needs one assessment meeting the main
/// criterion (<see cref="WorkflowRules"/>).
/// </summary>
public static class AssessmentRules
{
    /// <summary>Why the actor may not assess the case now, or null when they may.</summary>
    public static string? WhyNot(Actor actor, InnovationCase c, PoolKind pool, bool alreadyAssessed)
    {
        if (!actor.MayAssess())
        {
            return CaseText.Assess_OnlyDirectorGroup;
        }

        if (c.Stage != Stage.Screened)
        {
            return string.Format(CaseText.Assess_OnlyScreened, c.Stage.Label());
        }

        if (!HasFreshEyes(actor, c, pool))
        {
            return CaseText.Assess_FreshEyes;
        }

        return alreadyAssessed ? CaseText.Assess_Already : null;
    }

    /// <summary>The fresh-eyes rule: on the cross-cutting pool, nobody from the case's own departments.</summary>
    public static bool HasFreshEyes(Actor actor, InnovationCase c, PoolKind pool) =>
        pool != PoolKind.CrossCutting || actor.DepartmentId is not { } d || !c.InvolvesDepartment(d);
}
