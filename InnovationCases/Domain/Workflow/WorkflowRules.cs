using InnovationCases.Resources;

namespace InnovationCases.Domain.Workflow;

/// <summary>
/// The rules of each trigger: who may fire it, what the case must already hold, and what the move's
/// data must say. DESIGN.md's workflow table, one trigger at a time; the generated diagram's guard
/// labels are these rules' labels.
/// </summary>
internal static class WorkflowRules
{
    public static IEnumerable<MoveRule> For(Trigger trigger, WorkflowContext ctx)
    {
        var who = Who.Of(trigger);
        yield return MoveRule.Always(who.Label,
            string.Format(WorkflowText.RoleMayNot, trigger.Noun(), ctx.Actor.Role.Label()),
            () => who.May(ctx));

        var rules = trigger switch
        {
            Trigger.Screen => Screen(ctx.Case),
            Trigger.SendBack => Reason<SendBackData>(),
            Trigger.Reject => Reason<RejectData>(),
            Trigger.Withdraw => Reason<WithdrawData>(),
            Trigger.Recommend => Recommend(ctx),
            Trigger.Grant => Grant(ctx),
            Trigger.Complete => Complete(),
            Trigger.Evaluate => Evaluate(),
            Trigger.Stop => Stop(ctx.Case),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
        };
        foreach (var r in rules)
        {
            yield return r;
        }

        yield return MoveRule.On<MoveData>(FieldNames.Note, null, TooLong(WorkflowText.Field_Note), d => Fits(d.Note));
    }

    /// <summary>DESIGN.md's "who may fire it", plus the local-funds rule: the pool's department acts as caseworker.</summary>
    public static bool MayFire(Trigger trigger, WorkflowContext ctx) => Who.Of(trigger).May(ctx);

    private static MoveRule[] Screen(InnovationCase c) =>
    [
        MoveRule.Always("business case", WorkflowText.Screen_NeedsGain, () => c.ExpectedAnnualGain > 0),
        MoveRule.Always("business case", WorkflowText.Screen_NeedsGainDescription, () => BusinessCase.IsFilled(c.GainDescription)),
        MoveRule.Always("risks", WorkflowText.Screen_NeedsRisks, () => BusinessCase.IsFilled(c.Risks)),
        MoveRule.Always("viability", WorkflowText.Screen_NeedsViability, () => BusinessCase.IsFilled(c.Viability)),
        MoveRule.Always("effect plan", WorkflowText.Screen_NeedsEffectPlan, () => BusinessCase.IsFilled(c.EffectPlan)),
        MoveRule.Always("lead department", WorkflowText.Screen_NeedsLeadDepartment, () => c.LeadDepartmentId > 0),
    ];

    private static IEnumerable<MoveRule> Recommend(WorkflowContext ctx)
    {
        var c = ctx.Case;
        if (ctx.Pool.Kind == PoolKind.CrossCutting)
        {
            yield return MoveRule.Always("an assessment meeting the main criterion (cross-cutting)",
                WorkflowText.Recommend_NeedsAssessment, () => ctx.HasQualifyingAssessment);
        }

        yield return MoveRule.On<RecommendData>(FieldNames.Amount, "amount above 0", WorkflowText.Recommend_AmountPositive, d => d.Amount > 0);
        yield return MoveRule.On<RecommendData>(FieldNames.Amount, "at most requested",
            string.Format(WorkflowText.Recommend_AmountAboveRequested, Money.Format(c.RequestedAmount)),
            d => d.Amount is null || d.Amount <= c.RequestedAmount);
    }

    private static MoveRule[] Grant(WorkflowContext ctx)
    {
        var c = ctx.Case;
        var crossCutting = ctx.Pool.Kind == PoolKind.CrossCutting;
        bool NeedsCouncil(GrantData d) => BusinessCase.NeedsCouncilDecision(ctx.Pool.Kind, d.Amount ?? 0, c.IsMultiYear);
        var councilWhy = c.IsMultiYear ? WorkflowText.Grant_CouncilBecauseMultiYear : WorkflowText.Grant_CouncilBecauseAmount;
        const string council = "a council decision above 2 mio. or multi-year (cross-cutting)";
        return
        [
            MoveRule.On<GrantData>(FieldNames.Amount, "amount above 0", WorkflowText.Grant_AmountPositive, d => d.Amount > 0),
            MoveRule.On<GrantData>(FieldNames.Amount, "at most recommended",
                string.Format(WorkflowText.Grant_AmountAboveRecommended, Money.Format(c.RecommendedAmount ?? 0)),
                d => d.Amount is null || d.Amount <= (c.RecommendedAmount ?? 0)),
            MoveRule.On<GrantData>(FieldNames.Amount, "at most pool remaining",
                string.Format(WorkflowText.Grant_AmountAbovePoolRemaining, Money.Format(Math.Max(0, ctx.PoolRemaining))),
                d => d.Amount is null || d.Amount <= ctx.PoolRemaining),
            MoveRule.On<GrantData>(FieldNames.CouncilDecisionDate, council,
                string.Format(WorkflowText.Grant_NeedsCouncilDate, councilWhy),
                d => !crossCutting || !NeedsCouncil(d) || d.CouncilDecisionDate is not null),
            MoveRule.On<GrantData>(FieldNames.CouncilDecisionReference, council,
                string.Format(WorkflowText.Grant_NeedsCouncilReference, councilWhy),
                d => !crossCutting || !NeedsCouncil(d) || !string.IsNullOrWhiteSpace(d.CouncilDecisionReference)),
            MoveRule.On<GrantData>(FieldNames.CouncilDecisionDate, null, WorkflowText.Grant_CouncilDateInFuture,
                d => d.CouncilDecisionDate is null || d.CouncilDecisionDate <= ctx.Today),
            MoveRule.On<GrantData>(FieldNames.CouncilDecisionReference, null,
                TooLong(WorkflowText.Field_CouncilDecisionReference, Limits.NameMax),
                d => Fits(d.CouncilDecisionReference, Limits.NameMax)),
        ];
    }

    private static MoveRule[] Complete() =>
    [
        Required<CompleteData>(FieldNames.ImplementationNote, "what was implemented", WorkflowText.Complete_NeedsNote, d => d.ImplementationNote),
        MoveRule.On<CompleteData>(FieldNames.ImplementationNote, null, TooLong(WorkflowText.Field_ImplementationNote), d => Fits(d.ImplementationNote)),
        Amount<CompleteData>(FieldNames.ActualSpend, "actual spend", WorkflowText.NeedsActualSpend, d => d.ActualSpend),
    ];

    private static MoveRule[] Evaluate() =>
    [
        Amount<EvaluateData>(FieldNames.RealisedAnnualGain, "effect report", WorkflowText.Evaluate_NeedsRealisedGain, d => d.RealisedAnnualGain),
        Required<EvaluateData>(FieldNames.DocumentedEffects, "effect report", WorkflowText.Evaluate_NeedsEffects, d => d.DocumentedEffects),
        MoveRule.On<EvaluateData>(FieldNames.DocumentedEffects, null, TooLong(WorkflowText.Field_DocumentedEffects), d => Fits(d.DocumentedEffects)),
        Required<EvaluateData>(FieldNames.LessonsLearned, "effect report", WorkflowText.NeedsLessons, d => d.LessonsLearned),
        MoveRule.On<EvaluateData>(FieldNames.LessonsLearned, null, TooLong(WorkflowText.Field_LessonsLearned), d => Fits(d.LessonsLearned)),
        MoveRule.On<EvaluateData>(FieldNames.LivesOn, "effect report", WorkflowText.Evaluate_NeedsLivesOn, d => d.LivesOn is not null),
    ];

    private static MoveRule[] Stop(InnovationCase c) =>
    [
        .. Reason<StopData>(),
        Required<StopData>(FieldNames.LessonsLearned, "lessons", WorkflowText.NeedsLessons, d => d.LessonsLearned),
        MoveRule.On<StopData>(FieldNames.LessonsLearned, null, TooLong(WorkflowText.Field_LessonsLearned), d => Fits(d.LessonsLearned)),
        Amount<StopData>(FieldNames.ActualSpend, "actual spend", WorkflowText.NeedsActualSpend, d => d.ActualSpend),
        MoveRule.On<StopData>(FieldNames.ActualSpend, "at most granted",
            string.Format(WorkflowText.Stop_SpendAboveGranted, Money.Format(c.GrantedAmount ?? 0)),
            d => d.ActualSpend is null || d.ActualSpend <= (c.GrantedAmount ?? 0)),
    ];

    private static MoveRule[] Reason<T>()
        where T : ReasonedMove =>
    [
        Required<T>(FieldNames.Reason, "reason", WorkflowText.NeedsReason, d => d.Reason),
        MoveRule.On<T>(FieldNames.Reason, null, TooLong(WorkflowText.Field_Reason), d => Fits(d.Reason)),
    ];

    private static MoveRule Required<T>(string field, string label, string message, Func<T, string?> value)
        where T : MoveData =>
        MoveRule.On<T>(field, label, message, d => !string.IsNullOrWhiteSpace(value(d)));

    /// <summary>A whole-kroner amount that must be given and lie within the domain's range (<see cref="Limits.AmountMax"/>).</summary>
    private static MoveRule Amount<T>(string field, string label, string message, Func<T, long?> value)
        where T : MoveData =>
        MoveRule.On<T>(field, label,
            string.Format(message, Money.Format(Limits.AmountMax)),
            d => Limits.IsAmount(value(d)));

    private static bool Fits(string? text, int max = Limits.TextMax) => text is null || text.Length <= max;

    private static string TooLong(string field, int max = Limits.TextMax) =>
        string.Format(WorkflowText.TextTooLong, field, max.ToString("N0", Money.Danish));
}
