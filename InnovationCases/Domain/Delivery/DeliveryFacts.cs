namespace InnovationCases.Domain.Delivery;

/// <summary>
/// The few figures of a granted case that progress and the fail-fast signals read. The board reads
/// them in its card query (aggregates, no extra query per card); the case page from the rows.
/// </summary>
/// <param name="Stage">The case's stage: only a case in Granted is flagged.</param>
/// <param name="GrantedOn">The day the money was granted (Danish date).</param>
/// <param name="GrantedAmount">What was granted, kr.</param>
/// <param name="Paid">What has been paid out, kr.</param>
/// <param name="TotalWeight">Sum of the milestones' weights.</param>
/// <param name="DoneWeight">Sum of the weights of the milestones done.</param>
/// <param name="OldestOpenDue">The earliest due date of a milestone not done yet.</param>
/// <param name="LastMeasurement">The date of the latest measurement of any indicator.</param>
public sealed record DeliveryFacts(
    Stage Stage,
    DateOnly GrantedOn,
    long GrantedAmount,
    long Paid,
    long TotalWeight,
    long DoneWeight,
    DateOnly? OldestOpenDue,
    DateOnly? LastMeasurement)
{
    public int Progress => DeliveryMath.Progress(TotalWeight, DoneWeight);

    public int PaidPercent => DeliveryMath.PaidPercent(GrantedAmount, Paid);

    public long Left => Math.Max(0, GrantedAmount - Paid);

    public bool HasOverdueMilestone(DateOnly today) => OldestOpenDue is { } due && due < today;
}
