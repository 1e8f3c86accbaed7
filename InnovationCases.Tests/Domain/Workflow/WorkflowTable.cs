using InnovationCases.Domain;

namespace InnovationCases.Tests.Domain.Workflow;

/// <summary>DESIGN.md's workflow table, written out independently of the code under test.</summary>
public static class WorkflowTable
{
    public static readonly (Stage From, Trigger Trigger, Stage To)[] Transitions =
    [
        (Stage.Submitted, Trigger.Screen, Stage.Screened),
        (Stage.Screened, Trigger.SendBack, Stage.Submitted),
        (Stage.Screened, Trigger.Recommend, Stage.Recommended),
        (Stage.Recommended, Trigger.Grant, Stage.Granted),
        (Stage.Granted, Trigger.Complete, Stage.Implemented),
        (Stage.Implemented, Trigger.Evaluate, Stage.Evaluated),
        (Stage.Granted, Trigger.Stop, Stage.Stopped),
        (Stage.Submitted, Trigger.Reject, Stage.Rejected),
        (Stage.Screened, Trigger.Reject, Stage.Rejected),
        (Stage.Recommended, Trigger.Reject, Stage.Rejected),
        (Stage.Submitted, Trigger.Withdraw, Stage.Withdrawn),
        (Stage.Screened, Trigger.Withdraw, Stage.Withdrawn),
        (Stage.Recommended, Trigger.Withdraw, Stage.Withdrawn),
    ];

    public static Stage? TargetOf(Stage from, Trigger trigger) =>
        Transitions.Where(t => t.From == from && t.Trigger == trigger).Select(t => (Stage?)t.To).FirstOrDefault();
}
