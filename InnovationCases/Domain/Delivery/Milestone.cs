namespace InnovationCases.Domain.Delivery;

/// <summary>A sub-goal (delmål) of a granted project; progress is the weighted share done.</summary>
public sealed class Milestone
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public string Name { get; set; } = "";
    public DateOnly DueDate { get; set; }
    public int Weight { get; set; } = 1;
    public DateOnly? DoneDate { get; set; }
    public string Note { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public bool IsDone => DoneDate is not null;

    /// <summary>Not done and its due date has passed.</summary>
    public bool IsOverdue(DateOnly today) => DoneDate is null && DueDate < today;
}
