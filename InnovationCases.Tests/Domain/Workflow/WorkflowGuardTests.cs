using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;

namespace InnovationCases.Tests.Domain.Workflow;

/// <summary>Each guard of DESIGN.md's table refuses with a Danish reason, and only where it applies.</summary>
public sealed class WorkflowGuardTests
{
    private static readonly Actor Caseworker = WorkflowScenario.Caseworker;

    [Theory]
    [InlineData("gain", "nettogevinst")]
    [InlineData("gainText", "hvordan gevinsten opstår")]
    [InlineData("risks", "Risici")]
    [InlineData("viability", "lever videre")]
    [InlineData("effect", "effekten dokumenteres")]
    [InlineData("lead", "ledende afdeling")]
    public void Screening_needs_the_business_case_risks_viability_effect_plan_and_lead_department(string missing, string reasonContains)
    {
        var scenario = new WorkflowScenario(Stage.Submitted);
        var c = scenario.Case;
        switch (missing)
        {
            case "gain": c.ExpectedAnnualGain = 0; break;
            case "gainText": c.GainDescription = " "; break;
            case "risks": c.Risks = ""; break;
            case "viability": c.Viability = ""; break;
            case "effect": c.EffectPlan = ""; break;
            case "lead": c.ApplicantType = ApplicantType.CivilSociety; c.LeadDepartmentId = 0; break;
        }

        var check = scenario.Check(Caseworker, Trigger.Screen);

        Assert.False(check.Allowed);
        Assert.Contains(check.Reasons, r => r.Contains(reasonContains));
    }

    [Fact]
    public void Cross_cutting_recommendation_needs_an_assessment_meeting_the_main_criterion()
    {
        var scenario = new WorkflowScenario(Stage.Screened) { HasQualifyingAssessment = false };

        var check = scenario.Check(WorkflowScenario.Director, Trigger.Recommend);

        Assert.False(check.Allowed);
        Assert.Contains(check.Reasons, r => r.Contains("hovedkriteriet"));
    }

    [Fact]
    public void Local_funds_recommendation_needs_no_assessment()
    {
        var scenario = new WorkflowScenario(Stage.Screened, PoolKind.LocalFunds) { HasQualifyingAssessment = false };

        Assert.True(scenario.Check(WorkflowScenario.MbuStaff, Trigger.Recommend).Allowed);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(1_000_001L)]
    public void Recommended_amount_must_be_positive_and_at_most_requested(long amount)
    {
        var check = new WorkflowScenario(Stage.Screened).Check(Caseworker, Trigger.Recommend, new RecommendData(amount));

        Assert.False(check.Allowed);
        Assert.True(check.FieldErrors.ContainsKey(FieldNames.Amount));
    }

    [Fact]
    public void Granted_amount_above_recommended_is_refused()
    {
        var check = new WorkflowScenario(Stage.Recommended).Check(Caseworker, Trigger.Grant, new GrantData(900_001, null, null));

        Assert.Equal("Det bevilgede beløb må højst være det indstillede (900.000 kr.).", check.FieldErrors[FieldNames.Amount]);
    }

    [Fact]
    public void Grant_above_the_pools_remaining_budget_is_refused()
    {
        var scenario = new WorkflowScenario(Stage.Recommended) { PoolRemaining = 899_999 };

        var check = scenario.Check(Caseworker, Trigger.Grant, new GrantData(900_000, null, null));

        Assert.False(check.Allowed);
        Assert.Contains("Puljen har kun 899.999 kr. tilbage.", check.Reasons);
    }

    [Fact]
    public void Grant_above_two_million_without_council_decision_is_refused()
    {
        var scenario = new WorkflowScenario(Stage.Recommended);
        scenario.Case.RequestedAmount = 2_500_000;
        scenario.Case.RecommendedAmount = 2_500_000;

        var without = scenario.Check(Caseworker, Trigger.Grant, new GrantData(2_000_001, null, null));
        var with = scenario.Check(Caseworker, Trigger.Grant, new GrantData(2_000_001, new DateOnly(2026, 11, 1), "BY-2026-17"));
        var atThreshold = scenario.Check(Caseworker, Trigger.Grant, new GrantData(2_000_000, null, null));

        Assert.False(without.Allowed);
        Assert.True(without.FieldErrors.ContainsKey(FieldNames.CouncilDecisionDate));
        Assert.True(without.FieldErrors.ContainsKey(FieldNames.CouncilDecisionReference));
        Assert.True(with.Allowed);
        Assert.True(atThreshold.Allowed);
    }

    [Fact]
    public void Multi_year_cross_cutting_grant_needs_council_decision_whatever_the_amount()
    {
        var scenario = new WorkflowScenario(Stage.Recommended);
        scenario.Case.PeriodEnd = new DateOnly(2027, 6, 30);

        var check = scenario.Check(Caseworker, Trigger.Grant, new GrantData(100_000, null, null));

        Assert.False(check.Allowed);
        Assert.Contains(check.Reasons, r => r.Contains("flerårigt"));
    }

    [Fact]
    public void Council_rule_does_not_apply_to_local_funds()
    {
        var scenario = new WorkflowScenario(Stage.Recommended, PoolKind.LocalFunds);
        scenario.Case.RequestedAmount = 3_000_000;
        scenario.Case.RecommendedAmount = 3_000_000;
        scenario.Case.PeriodEnd = new DateOnly(2027, 6, 30);

        Assert.True(scenario.Check(WorkflowScenario.MbuStaff, Trigger.Grant, new GrantData(3_000_000, null, null)).Allowed);
    }

    [Fact]
    public void Council_decision_dated_in_the_future_is_refused()
    {
        var scenario = new WorkflowScenario(Stage.Recommended);
        scenario.Case.PeriodEnd = new DateOnly(2027, 6, 30);

        var check = scenario.Check(Caseworker, Trigger.Grant, new GrantData(900_000, new DateOnly(2027, 1, 1), "BY-1"));

        Assert.False(check.Allowed);
        Assert.True(check.FieldErrors.ContainsKey(FieldNames.CouncilDecisionDate));
    }

    [Theory]
    [InlineData(Stage.Submitted, Trigger.Reject)]
    [InlineData(Stage.Screened, Trigger.SendBack)]
    [InlineData(Stage.Recommended, Trigger.Withdraw)]
    [InlineData(Stage.Granted, Trigger.Stop)]
    public void Reasons_are_required_for_reject_send_back_withdraw_and_stop(Stage stage, Trigger trigger)
    {
        var scenario = new WorkflowScenario(stage);
        var data = (ReasonedMove)scenario.ValidData(trigger) with { Reason = "  " };

        var check = scenario.Check(Caseworker, trigger, data);

        Assert.Equal("Angiv en begrundelse.", check.FieldErrors[FieldNames.Reason]);
    }

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused()
    {
        var scenario = new WorkflowScenario(Stage.Submitted);

        var check = scenario.Check(Caseworker, Trigger.Reject, new RejectData(new string('x', 4_001)));

        Assert.Contains("højst være 4.000 tegn", check.FieldErrors[FieldNames.Reason]);
    }

    [Theory]
    [InlineData(FieldNames.RealisedAnnualGain)]
    [InlineData(FieldNames.DocumentedEffects)]
    [InlineData(FieldNames.LessonsLearned)]
    [InlineData(FieldNames.LivesOn)]
    public void Evaluation_needs_the_whole_effect_report(string missing)
    {
        var scenario = new WorkflowScenario(Stage.Implemented);
        var data = (EvaluateData)scenario.ValidData(Trigger.Evaluate);
        data = missing switch
        {
            FieldNames.RealisedAnnualGain => data with { RealisedAnnualGain = null },
            FieldNames.DocumentedEffects => data with { DocumentedEffects = "" },
            FieldNames.LessonsLearned => data with { LessonsLearned = null },
            _ => data with { LivesOn = null },
        };

        var check = scenario.Check(Caseworker, Trigger.Evaluate, data);

        Assert.False(check.Allowed);
        Assert.True(check.FieldErrors.ContainsKey(missing));
    }

    [Fact]
    public void Completing_needs_what_was_implemented_and_the_actual_spend()
    {
        var check = new WorkflowScenario(Stage.Granted).Check(Caseworker, Trigger.Complete, new CompleteData(null, -1));

        Assert.True(check.FieldErrors.ContainsKey(FieldNames.ImplementationNote));
        Assert.True(check.FieldErrors.ContainsKey(FieldNames.ActualSpend));
    }

    [Fact]
    public void Stopping_with_spend_above_the_grant_is_refused()
    {
        var scenario = new WorkflowScenario(Stage.Granted);

        var check = scenario.Check(Caseworker, Trigger.Stop, (StopData)scenario.ValidData(Trigger.Stop) with { ActualSpend = 900_001 });

        Assert.True(check.FieldErrors.ContainsKey(FieldNames.ActualSpend));
    }

    [Fact]
    public void Amounts_above_the_domains_limit_are_refused_at_their_field()
    {
        var implemented = new WorkflowScenario(Stage.Implemented);
        var granted = new WorkflowScenario(Stage.Granted);

        var evaluate = implemented.Check(Caseworker, Trigger.Evaluate, new EvaluateData(long.MaxValue, "Effekt.", "Læring.", true));
        var complete = granted.Check(Caseworker, Trigger.Complete, new CompleteData("Udrullet.", Limits.AmountMax + 1));
        var atLimit = implemented.Check(Caseworker, Trigger.Evaluate, new EvaluateData(Limits.AmountMax, "Effekt.", "Læring.", true));

        Assert.Equal("Angiv den realiserede årlige gevinst (fra 0 kr. til 1.000.000.000 kr.).", evaluate.FieldErrors[FieldNames.RealisedAnnualGain]);
        Assert.Equal("Angiv det faktiske forbrug (fra 0 kr. til 1.000.000.000 kr.).", complete.FieldErrors[FieldNames.ActualSpend]);
        Assert.True(atLimit.Allowed);
    }

    [Fact]
    public void Without_data_only_role_and_preconditions_are_checked()
    {
        var scenario = new WorkflowScenario(Stage.Recommended);

        Assert.True(scenario.Workflow(Caseworker).Check(Trigger.Grant).Allowed);
        Assert.False(scenario.Workflow(Caseworker).CanGrant(new GrantData(null, null, null)).Allowed);
    }

    [Fact]
    public void Firing_records_the_moves_data_on_the_case()
    {
        var scenario = new WorkflowScenario(Stage.Recommended);
        scenario.Case.PeriodEnd = new DateOnly(2027, 6, 30);
        scenario.Workflow(Caseworker).Grant(new GrantData(800_000, new DateOnly(2026, 10, 1), " BY-7 "));

        Assert.Equal(Stage.Granted, scenario.Case.Stage);
        Assert.Equal(800_000, scenario.Case.GrantedAmount);
        Assert.Equal("BY-7", scenario.Case.CouncilDecisionReference);
        Assert.Equal(800_000, scenario.Case.ConsumedAmount);

        scenario.Workflow(Caseworker).Stop(new StopData("Virker ikke.", "Test først.", 300_000));

        Assert.Equal(300_000, scenario.Case.ConsumedAmount);
        var report = Assert.Single(scenario.Case.EffectReports);
        Assert.True(report.IsFinal);
        Assert.Equal("Test først.", report.LessonsLearned);
    }

    [Fact]
    public void Firing_a_refused_move_is_a_programming_error()
    {
        var scenario = new WorkflowScenario(Stage.Submitted);

        Assert.Throws<InvalidOperationException>(() => scenario.Workflow(WorkflowScenario.Manager).Screen());
        Assert.Equal(Stage.Submitted, scenario.Case.Stage);
    }

    [Fact]
    public void A_workflow_fires_once_so_a_second_move_needs_a_fresh_machine_with_fresh_guards()
    {
        var scenario = new WorkflowScenario(Stage.Submitted);
        var workflow = scenario.Workflow(Caseworker);
        workflow.Screen();

        Assert.Throws<InvalidOperationException>(() => workflow.SendBack(new SendBackData("Igen.")));
        Assert.Equal(Stage.Screened, scenario.Case.Stage);
        Assert.True(scenario.Workflow(Caseworker).CanSendBack(new SendBackData("Igen.")).Allowed);
    }
}
