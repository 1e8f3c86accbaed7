namespace InnovationCases.Domain.Rounds;

/// <summary>A new round as the caseworker types it: the target is a date, or a number of days after the deadline.</summary>
public sealed class RoundInput
{
    public string Name { get; set; } = "";
    public DateOnly? OpensOn { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateOnly? TargetAnswerDate { get; set; }
    public int? TargetDaysAfterDeadline { get; set; }

    /// <summary>The target date the input stands for, when it names one.</summary>
    public DateOnly? Target => TargetAnswerDate ?? (Deadline is { } d && TargetDaysAfterDeadline is { } days ? d.AddDays(days) : null);
}
