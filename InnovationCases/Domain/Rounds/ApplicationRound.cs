namespace InnovationCases.Domain.Rounds;

/// <summary>
/// An application round (ansøgningsrunde) of the cross-cutting pool: it takes applications from
/// its opening date to its deadline (both Danish dates, inclusive), and aims to answer them by its
/// target date. Local funds take applications all year and have no rounds.
/// </summary>
public sealed class ApplicationRound
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public DateOnly OpensOn { get; set; }
    public DateOnly Deadline { get; set; }
    public DateOnly TargetAnswerDate { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public bool IsOpenOn(DateOnly day) => OpensOn <= day && day <= Deadline;

    public bool Overlaps(DateOnly opens, DateOnly deadline) => opens <= Deadline && OpensOn <= deadline;

    /// <summary>Days from the deadline to the target answer date.</summary>
    public int TargetDays => TargetAnswerDate.DayNumber - Deadline.DayNumber;
}
