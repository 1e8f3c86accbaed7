using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;

namespace InnovationCases.Tests.Domain.Workflow;

/// <summary>DESIGN.md's "who may fire it", for the cross-cutting pool and for a department's local funds.</summary>
public sealed class WorkflowRoleTests
{
    private static readonly Dictionary<string, Actor> Actors = new()
    {
        ["caseworker"] = WorkflowScenario.Caseworker,
        ["director"] = WorkflowScenario.Director,
        ["manager"] = WorkflowScenario.Manager,
        ["admin"] = WorkflowScenario.Admin,
        ["lead staff"] = WorkflowScenario.MbuStaff,
        ["other staff"] = WorkflowScenario.MsoStaff,
    };

    // Cross-cutting pool: who may fire each move of the table (the case's lead department is MBU).
    private static readonly Dictionary<(Stage, Trigger), string[]> CrossCutting = new()
    {
        [(Stage.Submitted, Trigger.Screen)] = ["caseworker"],
        [(Stage.Screened, Trigger.SendBack)] = ["caseworker"],
        [(Stage.Screened, Trigger.Recommend)] = ["caseworker", "director"],
        [(Stage.Recommended, Trigger.Grant)] = ["caseworker"],
        [(Stage.Granted, Trigger.Complete)] = ["caseworker", "lead staff"],
        [(Stage.Implemented, Trigger.Evaluate)] = ["caseworker"],
        [(Stage.Granted, Trigger.Stop)] = ["caseworker"],
        [(Stage.Submitted, Trigger.Reject)] = ["caseworker"],
        [(Stage.Screened, Trigger.Reject)] = ["caseworker", "director"],
        [(Stage.Recommended, Trigger.Reject)] = ["caseworker", "director"],
        [(Stage.Submitted, Trigger.Withdraw)] = ["caseworker", "lead staff"],
        [(Stage.Screened, Trigger.Withdraw)] = ["caseworker", "lead staff"],
        [(Stage.Recommended, Trigger.Withdraw)] = ["caseworker", "lead staff"],
    };

    public static TheoryData<Stage, Trigger, string> EveryMoveAndActor()
    {
        var data = new TheoryData<Stage, Trigger, string>();
        foreach (var (from, trigger, _) in WorkflowTable.Transitions)
        {
            foreach (var actor in Actors.Keys)
            {
                data.Add(from, trigger, actor);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMoveAndActor))]
    public void Cross_cutting_moves_are_allowed_only_for_the_roles_of_the_table(Stage from, Trigger trigger, string actor)
    {
        var scenario = new WorkflowScenario(from);
        var check = scenario.Check(Actors[actor], trigger);

        Assert.Equal(CrossCutting[(from, trigger)].Contains(actor), check.Allowed);
        if (!check.Allowed)
        {
            Assert.Contains("Du har ikke ret til", check.Reasons.Single());
        }
    }

    [Theory]
    [MemberData(nameof(EveryMoveAndActor))]
    public void Local_funds_let_the_owning_department_do_what_a_caseworker_may(Stage from, Trigger trigger, string actor)
    {
        var scenario = new WorkflowScenario(from, PoolKind.LocalFunds);
        var check = scenario.Check(Actors[actor], trigger);

        var expected = CrossCutting[(from, trigger)].Contains(actor) || actor == "lead staff";
        Assert.Equal(expected, check.Allowed);
    }

    [Fact]
    public void Staff_of_a_department_that_is_only_a_partner_cannot_withdraw_or_complete()
    {
        var scenario = new WorkflowScenario(Stage.Granted);
        scenario.Case.PartnerDepartments.Add(new CasePartnerDepartment { DepartmentId = WorkflowScenario.Mso });

        Assert.False(scenario.Check(WorkflowScenario.MsoStaff, Trigger.Complete).Allowed);
    }
}
