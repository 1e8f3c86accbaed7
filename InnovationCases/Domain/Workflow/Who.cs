namespace InnovationCases.Domain.Workflow;

/// <summary>
/// DESIGN.md's "who may fire it" for one trigger: the rule and the words the diagram shows for it.
/// For a case in a department's local funds that department's staff act as caseworkers.
/// </summary>
internal sealed record Who(string Label, Func<WorkflowContext, bool> May)
{
    private static readonly Who Caseworker = new("caseworker", ctx => ctx.ActsAsCaseworker);
    private static readonly Who CaseworkerOrDirectorGroup = new("director group or caseworker",
        ctx => ctx.ActsAsCaseworker || ctx.Actor.Role == Role.DirectorGroup);
    private static readonly Who CaseworkerOrLeadDepartment = new("caseworker or lead department",
        ctx => ctx.ActsAsCaseworker || ctx.Actor.IsStaffOf(ctx.Case.LeadDepartmentId));
    private static readonly Who Rejecter = new("caseworker, or director group from Screened and Recommended",
        ctx => ctx.ActsAsCaseworker || (ctx.Actor.Role == Role.DirectorGroup && ctx.Case.Stage is Stage.Screened or Stage.Recommended));
    private static readonly Who LeadDepartmentOrCaseworker = new("lead department or caseworker", CaseworkerOrLeadDepartment.May);

    public static Who Of(Trigger trigger) => trigger switch
    {
        Trigger.Screen or Trigger.SendBack or Trigger.Grant or Trigger.Evaluate or Trigger.Stop => Caseworker,
        Trigger.Recommend => CaseworkerOrDirectorGroup,
        Trigger.Complete => CaseworkerOrLeadDepartment,
        Trigger.Withdraw => LeadDepartmentOrCaseworker,
        Trigger.Reject => Rejecter,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
    };
}
