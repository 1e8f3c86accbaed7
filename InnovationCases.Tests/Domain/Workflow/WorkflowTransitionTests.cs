using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;

namespace InnovationCases.Tests.Domain.Workflow;

/// <summary>Every stage against every trigger: allowed exactly where DESIGN.md's table has the move.</summary>
public sealed class WorkflowTransitionTests
{
    public static TheoryData<Stage, Trigger> EveryStageAndTrigger()
    {
        var data = new TheoryData<Stage, Trigger>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            foreach (var trigger in Enum.GetValues<Trigger>())
            {
                data.Add(stage, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStageAndTrigger))]
    public void Caseworker_with_valid_data_may_fire_exactly_the_moves_of_the_table(Stage stage, Trigger trigger)
    {
        var scenario = new WorkflowScenario(stage);
        var check = scenario.Check(WorkflowScenario.Caseworker, trigger);
        var expected = WorkflowTable.TargetOf(stage, trigger);

        Assert.Equal(expected is not null, check.Allowed);
        if (expected is null)
        {
            Assert.NotEmpty(check.Reasons);
            Assert.All(check.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r)));
        }
        else
        {
            Assert.Equal(expected, check.Target);
            scenario.Workflow(WorkflowScenario.Caseworker).Fire(scenario.ValidData(trigger));
            Assert.Equal(expected, scenario.Case.Stage);
        }
    }

    [Theory]
    [InlineData(Stage.Rejected)]
    [InlineData(Stage.Withdrawn)]
    [InlineData(Stage.Stopped)]
    [InlineData(Stage.Evaluated)]
    public void A_closed_case_cannot_be_moved_and_says_so(Stage stage)
    {
        var scenario = new WorkflowScenario(stage);
        var workflow = scenario.Workflow(WorkflowScenario.Caseworker);

        Assert.All(Enum.GetValues<Trigger>(), t => Assert.False(workflow.Check(scenario.ValidData(t)).Allowed));
        Assert.Contains("afsluttet", workflow.Check(Trigger.Screen).Reasons.Single());
    }

    [Fact]
    public void Skipping_a_stage_is_refused_with_a_reason_naming_the_stage()
    {
        var check = new WorkflowScenario(Stage.Submitted).Check(WorkflowScenario.Caseworker, Trigger.Grant);

        Assert.False(check.Allowed);
        Assert.Equal("»Bevilg« er ikke muligt fra stadiet Indsendt.", check.Reasons.Single());
    }

    [Theory]
    [InlineData(Stage.Submitted, Stage.Screened, Trigger.Screen)]
    [InlineData(Stage.Screened, Stage.Submitted, Trigger.SendBack)]
    [InlineData(Stage.Recommended, Stage.Granted, Trigger.Grant)]
    [InlineData(Stage.Granted, Stage.Stopped, Trigger.Stop)]
    public void A_board_drop_maps_to_the_one_trigger_between_the_stages(Stage from, Stage to, Trigger expected) =>
        Assert.Equal(expected, CaseWorkflow.TriggerFor(from, to));

    [Theory]
    [InlineData(Stage.Submitted, Stage.Granted)]
    [InlineData(Stage.Granted, Stage.Submitted)]
    [InlineData(Stage.Evaluated, Stage.Implemented)]
    [InlineData(Stage.Rejected, Stage.Submitted)]
    public void A_drop_outside_the_table_has_no_trigger(Stage from, Stage to) =>
        Assert.Null(CaseWorkflow.TriggerFor(from, to));

    [Theory]
    [InlineData(Stage.Submitted, Stage.Granted, "Sagen kan ikke springe fra Indsendt til Bevilget.")]
    [InlineData(Stage.Granted, Stage.Screened, "Sagen kan ikke flyttes tilbage fra Bevilget til Screenet. Kun »Send tilbage« fra Screenet til Indsendt er muligt.")]
    [InlineData(Stage.Screened, Stage.Screened, "Sagen står allerede i Screenet.")]
    [InlineData(Stage.Evaluated, Stage.Granted, "Sagen er afsluttet (Evalueret) og kan ikke flyttes.")]
    [InlineData(Stage.Rejected, Stage.Submitted, "Sagen er afsluttet (Afvist) og kan ikke flyttes.")]
    public void The_workflow_refuses_a_drop_that_skips_goes_back_or_moves_a_closed_case(Stage from, Stage to, string reason)
    {
        var drop = new WorkflowScenario(from).Workflow(WorkflowScenario.Caseworker).CheckDrop(to);

        Assert.False(drop.Allowed);
        Assert.Null(drop.Move);
        Assert.Equal(reason, drop.Reasons.Single());
    }

    [Fact]
    public void A_drop_on_the_next_stage_is_the_move_there_checked_for_the_actor()
    {
        var scenario = new WorkflowScenario(Stage.Submitted);

        var byCaseworker = scenario.Workflow(WorkflowScenario.Caseworker).CheckDrop(Stage.Screened);
        var byManager = scenario.Workflow(WorkflowScenario.Manager).CheckDrop(Stage.Screened);

        Assert.True(byCaseworker.Allowed);
        Assert.Equal(Trigger.Screen, byCaseworker.Move!.Trigger);
        Assert.False(byManager.Allowed);
        Assert.Contains("Leder", byManager.Reasons.Single());
    }

    [Fact]
    public void The_machine_has_exactly_the_transitions_of_the_table()
    {
        var fromMachine = Enum.GetValues<Stage>()
            .SelectMany(s => CaseWorkflow.TriggersFrom(s).Select(t => (s, t, CaseWorkflow.Target(s, t)!.Value)))
            .OrderBy(x => x.ToString())
            .ToList();

        Assert.Equal(WorkflowTable.Transitions.OrderBy(x => x.ToString()).ToList(), fromMachine);
    }

    [Fact]
    public void Options_list_every_move_from_the_stage_with_reasons_for_the_refused_ones()
    {
        var scenario = new WorkflowScenario(Stage.Screened);

        var forManager = scenario.Workflow(WorkflowScenario.Manager).Options();
        var forDirector = scenario.Workflow(WorkflowScenario.Director).Options();

        Assert.Equal([Trigger.SendBack, Trigger.Recommend, Trigger.Reject, Trigger.Withdraw], forManager.Select(o => o.Trigger).Order());
        Assert.All(forManager, o => Assert.False(o.Allowed));
        Assert.All(forManager, o => Assert.Contains("din rolle: Leder", o.Reasons.Single()));
        Assert.Equal([Trigger.Recommend, Trigger.Reject], forDirector.Where(o => o.Allowed).Select(o => o.Trigger).Order());
    }
}
