using InnovationCases.Resources;

namespace InnovationCases.Domain.Rounds;

/// <summary>
/// What makes a round valid, and how long a round took to answer. Answer time runs from the
/// deadline to the last decision (Recommend, Reject or Grant) on the round's cases, in days.
/// </summary>
public static class RoundRules
{
    /// <summary>The decisions that answer an application.</summary>
    public static readonly IReadOnlySet<Trigger> Decisions = new HashSet<Trigger>
    {
        Trigger.Recommend, Trigger.Reject, Trigger.Grant,
    };

    public const int TargetDaysMax = 365;

    /// <summary>Field errors (by <see cref="RoundInput"/> property) for a new round among the existing ones.</summary>
    public static Dictionary<string, string> Validate(RoundInput input, IEnumerable<ApplicationRound> existing)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors[nameof(input.Name)] = RoundText.Val_Name;
        }
        else if (input.Name.Trim().Length > Limits.NameMax)
        {
            errors[nameof(input.Name)] = string.Format(RoundText.Val_TooLong, Limits.NameMax);
        }

        if (input.OpensOn is null)
        {
            errors[nameof(input.OpensOn)] = RoundText.Val_OpensOn;
        }

        if (input.Deadline is null)
        {
            errors[nameof(input.Deadline)] = RoundText.Val_Deadline;
        }
        else if (input.OpensOn is { } o && input.Deadline < o)
        {
            errors[nameof(input.Deadline)] = RoundText.Val_DeadlineBeforeOpening;
        }

        if (input.TargetDaysAfterDeadline is { } days && (days < 0 || days > TargetDaysMax))
        {
            errors[nameof(input.TargetDaysAfterDeadline)] = string.Format(RoundText.Val_TargetDays, TargetDaysMax);
        }
        else if (input.Target is not { } target)
        {
            errors[nameof(input.TargetAnswerDate)] = RoundText.Val_Target;
        }
        else if (input.Deadline is { } d && target < d)
        {
            errors[nameof(input.TargetAnswerDate)] = RoundText.Val_TargetBeforeDeadline;
        }

        if (errors.Count == 0 && existing.FirstOrDefault(r => r.Overlaps(input.OpensOn!.Value, input.Deadline!.Value)) is { } clash)
        {
            errors[nameof(input.OpensOn)] = string.Format(RoundText.Val_Overlap, clash.Name);
        }

        return errors;
    }

    /// <summary>Days from the deadline to the last decision, or null while any case of the round is undecided or it has none.</summary>
    public static int? AnswerDays(ApplicationRound round, IReadOnlyCollection<DateOnly?> lastDecisionPerCase)
    {
        if (lastDecisionPerCase.Count == 0 || lastDecisionPerCase.Any(d => d is null))
        {
            return null;
        }

        return Math.Max(0, lastDecisionPerCase.Max()!.Value.DayNumber - round.Deadline.DayNumber);
    }

    /// <summary>The round open on <paramref name="today"/>, if any.</summary>
    public static ApplicationRound? OpenOn(IEnumerable<ApplicationRound> rounds, DateOnly today) => rounds.FirstOrDefault(r => r.IsOpenOn(today));

    /// <summary>The next round to open after <paramref name="today"/>, if any.</summary>
    public static ApplicationRound? NextAfter(IEnumerable<ApplicationRound> rounds, DateOnly today) =>
        rounds.Where(r => r.OpensOn > today).OrderBy(r => r.OpensOn).FirstOrDefault();
}
