using Bunit;
using InnovationCases.Features.Moves;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Cases.Page;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace InnovationCases.Tests.Features.Cases.Page;

public sealed class MovesPanelTests : BunitTestContext
{
    private static CaseMoves MovesFor(Actor actor, Stage stage, bool qualifyingAssessment = false)
    {
        var pool = new Pool { Id = 1, Kind = PoolKind.CrossCutting, Budget = 30_000_000 };
        var c = new InnovationCase
        {
            CaseNumber = "INNO-2026-0042", Stage = stage, LeadDepartmentId = 2, Pool = pool, PoolId = 1, RequestedAmount = 500_000,
            ExpectedAnnualGain = 200_000, GainDescription = "x", Risks = "x", Viability = "x", EffectPlan = "x",
        };
        var workflow = new CaseWorkflow(new WorkflowContext(actor, c, pool, 30_000_000, qualifyingAssessment, DateTime.UtcNow));
        return new CaseMoves(c.CaseNumber, c.Stage, 1, workflow.Options());
    }

    [Fact]
    public void Lead_department_staff_get_only_the_withdraw_button_and_the_reasons_for_the_rest()
    {
        var staff = new Actor("u", "Jonas", Role.DepartmentStaff, 2);
        var cut = Render<MovesPanel>(p => p.Add(x => x.Moves, MovesFor(staff, Stage.Submitted)));

        var buttons = cut.FindAll("[data-move]").Select(b => b.GetAttribute("data-move")).ToList();
        Assert.Equal([nameof(Trigger.Withdraw)], buttons);
        var refused = cut.FindAll("[data-refused-move]").ToDictionary(li => li.GetAttribute("data-refused-move")!, li => li.TextContent);
        Assert.Equal([nameof(Trigger.Reject), nameof(Trigger.Screen)], refused.Keys.Order());
        Assert.Contains("ikke ret til", refused[nameof(Trigger.Screen)]);
    }

    [Fact]
    public void A_caseworker_sees_why_a_screened_case_cannot_be_recommended_yet()
    {
        var caseworker = new Actor("c", "Sara", Role.Caseworker, 1);
        var moves = MovesFor(caseworker, Stage.Screened);
        var cut = Render<MovesPanel>(p => p.Add(x => x.Moves, moves));

        var buttons = cut.FindAll("[data-move]").Select(b => b.GetAttribute("data-move")).Order().ToList();
        Assert.Equal([nameof(Trigger.Reject), nameof(Trigger.SendBack), nameof(Trigger.Withdraw)], buttons);
        var recommend = cut.Find($"[data-refused-move={Trigger.Recommend}]");
        var reason = moves.Options.Single(o => o.Trigger == Trigger.Recommend).Reasons.Single();
        Assert.Contains(reason, recommend.TextContent);
    }

    [Fact]
    public void Clicking_a_move_asks_the_page_to_run_it()
    {
        Trigger? asked = null;
        var staff = new Actor("u", "Jonas", Role.DepartmentStaff, 2);
        var cut = Render<MovesPanel>(p => p
            .Add(x => x.Moves, MovesFor(staff, Stage.Submitted))
            .Add(x => x.OnMove, EventCallback.Factory.Create<Trigger>(this, t => asked = t)));

        cut.Find($"[data-move={Trigger.Withdraw}]").Click();

        Assert.Equal(Trigger.Withdraw, asked);
    }

    [Fact]
    public void A_closed_case_offers_no_moves()
    {
        var cut = Render<MovesPanel>(p => p.Add(x => x.Moves, MovesFor(new Actor("c", "Sara", Role.Caseworker, 1), Stage.Evaluated)));
        Assert.Empty(cut.FindAll("[data-move]"));
    }
}
