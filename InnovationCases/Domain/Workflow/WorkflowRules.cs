using InnovationCases.Resources;

namespace InnovationCases.Domain.Workflow;

/// <summary>
/// The guards of each trigger: who may fire it, what the case must already hold, and what the
/// move's data must say. DESIGN.md's workflow table, one trigger at a time.
/// </summary>
internal static class WorkflowRules
{
    public const int ReasonMax = Limits.TextMax;

    public static IEnumerable<GuardRule> For(Trigger trigger, WorkflowContext ctx)
    {
        var c = ctx.Case;
        yield return GuardRule.Always(
            string.Format(WorkflowText.RoleMayNot, trigger.Noun(), ctx.Actor.Role.Label()),
            () => MayFire(trigger, ctx));

        var rules = trigger switch
        {
            Trigger.Screen => Screen(c),
            Trigger.SendBack or Trigger.Reject or Trigger.Withdraw => Reason(),
            Trigger.Recommend => Recommend(ctx),
            Trigger.Grant => Grant(ctx),
            Trigger.Complete => Complete(),
            Trigger.Evaluate => Evaluate(),
            Trigger.Stop => Stop(c),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
        };
        foreach (var r in rules)
        {
            yield return r;
        }

        yield return GuardRule.OnData(FieldNames.Note, TooLong(WorkflowText.Field_Note), d => Fits(d.Note));
    }

    /// <summary>DESIGN.md's "who may fire it", plus the local-funds rule: the pool's department acts as caseworker.</summary>
    public static bool MayFire(Trigger trigger, WorkflowContext ctx)
    {
        var a = ctx.Actor;
        var asCaseworker = a.Role == Role.Caseworker || ctx.ActorOwnsLocalPool;
        var leadStaff = a.IsStaffOf(ctx.Case.LeadDepartmentId);
        return trigger switch
        {
            Trigger.Screen or Trigger.SendBack or Trigger.Grant or Trigger.Evaluate or Trigger.Stop => asCaseworker,
            Trigger.Recommend => asCaseworker || a.Role == Role.DirectorGroup,
            Trigger.Complete or Trigger.Withdraw => asCaseworker || leadStaff,
            Trigger.Reject => asCaseworker ||
                (a.Role == Role.DirectorGroup && ctx.Case.Stage is Stage.Screened or Stage.Recommended),
            _ => false,
        };
    }

    private static GuardRule[] Screen(InnovationCase c) =>
    [
        GuardRule.Always(WorkflowText.Screen_NeedsGain, () => c.ExpectedAnnualGain > 0),
        GuardRule.Always(WorkflowText.Screen_NeedsGainDescription, () => !string.IsNullOrWhiteSpace(c.GainDescription)),
        GuardRule.Always(WorkflowText.Screen_NeedsRisks, () => !string.IsNullOrWhiteSpace(c.Risks)),
        GuardRule.Always(WorkflowText.Screen_NeedsViability, () => !string.IsNullOrWhiteSpace(c.Viability)),
        GuardRule.Always(WorkflowText.Screen_NeedsEffectPlan, () => !string.IsNullOrWhiteSpace(c.EffectPlan)),
        GuardRule.Always(WorkflowText.Screen_NeedsLeadDepartment, () => c.LeadDepartmentId > 0),
    ];

    private static GuardRule[] Recommend(WorkflowContext ctx)
    {
        var c = ctx.Case;
        var rules = new List<GuardRule>
        {
            GuardRule.OnData(FieldNames.Amount, WorkflowText.Recommend_AmountPositive, d => d.Amount > 0),
            GuardRule.OnData(FieldNames.Amount,
                string.Format(WorkflowText.Recommend_AmountAboveRequested, Money.Format(c.RequestedAmount)),
                d => d.Amount is null || d.Amount <= c.RequestedAmount),
        };
        if (ctx.Pool.Kind == PoolKind.CrossCutting)
        {
            rules.Insert(0, GuardRule.Always(WorkflowText.Recommend_NeedsAssessment, () => ctx.HasQualifyingAssessment));
        }

        return [.. rules];
    }

    private static GuardRule[] Grant(WorkflowContext ctx)
    {
        var c = ctx.Case;
        var crossCutting = ctx.Pool.Kind == PoolKind.CrossCutting;
        bool NeedsCouncil(TransitionData d) => BusinessCase.NeedsCouncilDecision(ctx.Pool.Kind, d.Amount ?? 0, c.IsMultiYear);
        var councilWhy = c.IsMultiYear ? WorkflowText.Grant_CouncilBecauseMultiYear : WorkflowText.Grant_CouncilBecauseAmount;
        return
        [
            GuardRule.OnData(FieldNames.Amount, WorkflowText.Grant_AmountPositive, d => d.Amount > 0),
            GuardRule.OnData(FieldNames.Amount,
                string.Format(WorkflowText.Grant_AmountAboveRecommended, Money.Format(c.RecommendedAmount ?? 0)),
                d => d.Amount is null || d.Amount <= (c.RecommendedAmount ?? 0)),
            GuardRule.OnData(FieldNames.Amount,
                string.Format(WorkflowText.Grant_AmountAbovePoolRemaining, Money.Format(Math.Max(0, ctx.PoolRemaining))),
                d => d.Amount is null || d.Amount <= ctx.PoolRemaining),
            GuardRule.OnData(FieldNames.CouncilDecisionDate,
                string.Format(WorkflowText.Grant_NeedsCouncilDate, councilWhy),
                d => !crossCutting || !NeedsCouncil(d) || d.CouncilDecisionDate is not null),
            GuardRule.OnData(FieldNames.CouncilDecisionReference,
                string.Format(WorkflowText.Grant_NeedsCouncilReference, councilWhy),
                d => !crossCutting || !NeedsCouncil(d) || !string.IsNullOrWhiteSpace(d.CouncilDecisionReference)),
            GuardRule.OnData(FieldNames.CouncilDecisionDate, WorkflowText.Grant_CouncilDateInFuture,
                d => d.CouncilDecisionDate is null || d.CouncilDecisionDate <= DateOnly.FromDateTime(ctx.Now)),
            GuardRule.OnData(FieldNames.CouncilDecisionReference, TooLong(WorkflowText.Field_CouncilDecisionReference, Limits.NameMax),
                d => Fits(d.CouncilDecisionReference, Limits.NameMax)),
        ];
    }

    private static GuardRule[] Complete() =>
    [
        Required(FieldNames.ImplementationNote, WorkflowText.Complete_NeedsNote, d => d.ImplementationNote),
        GuardRule.OnData(FieldNames.ImplementationNote, TooLong(WorkflowText.Field_ImplementationNote), d => Fits(d.ImplementationNote)),
        GuardRule.OnData(FieldNames.ActualSpend, WorkflowText.NeedsActualSpend, d => d.ActualSpend >= 0),
    ];

    private static GuardRule[] Evaluate() =>
    [
        GuardRule.OnData(FieldNames.RealisedAnnualGain, WorkflowText.Evaluate_NeedsRealisedGain, d => d.RealisedAnnualGain >= 0),
        Required(FieldNames.DocumentedEffects, WorkflowText.Evaluate_NeedsEffects, d => d.DocumentedEffects),
        GuardRule.OnData(FieldNames.DocumentedEffects, TooLong(WorkflowText.Field_DocumentedEffects), d => Fits(d.DocumentedEffects)),
        Required(FieldNames.LessonsLearned, WorkflowText.NeedsLessons, d => d.LessonsLearned),
        GuardRule.OnData(FieldNames.LessonsLearned, TooLong(WorkflowText.Field_LessonsLearned), d => Fits(d.LessonsLearned)),
        GuardRule.OnData(FieldNames.LivesOn, WorkflowText.Evaluate_NeedsLivesOn, d => d.LivesOn is not null),
    ];

    private static GuardRule[] Stop(InnovationCase c) =>
    [
        .. Reason(),
        Required(FieldNames.LessonsLearned, WorkflowText.NeedsLessons, d => d.LessonsLearned),
        GuardRule.OnData(FieldNames.LessonsLearned, TooLong(WorkflowText.Field_LessonsLearned), d => Fits(d.LessonsLearned)),
        GuardRule.OnData(FieldNames.ActualSpend, WorkflowText.NeedsActualSpend, d => d.ActualSpend >= 0),
        GuardRule.OnData(FieldNames.ActualSpend,
            string.Format(WorkflowText.Stop_SpendAboveGranted, Money.Format(c.GrantedAmount ?? 0)),
            d => d.ActualSpend is null || d.ActualSpend <= (c.GrantedAmount ?? 0)),
    ];

    private static GuardRule[] Reason() =>
    [
        Required(FieldNames.Reason, WorkflowText.NeedsReason, d => d.Reason),
        GuardRule.OnData(FieldNames.Reason, TooLong(WorkflowText.Field_Reason), d => Fits(d.Reason)),
    ];

    private static GuardRule Required(string field, string message, Func<TransitionData, string?> value) =>
        GuardRule.OnData(field, message, d => !string.IsNullOrWhiteSpace(value(d)));

    private static bool Fits(string? text, int max = ReasonMax) => text is null || text.Length <= max;

    private static string TooLong(string field, int max = ReasonMax) => string.Format(WorkflowText.TextTooLong, field, max.ToString("N0", Money.Danish));
}
