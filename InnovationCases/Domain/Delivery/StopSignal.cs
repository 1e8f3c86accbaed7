using InnovationCases.Resources;

namespace InnovationCases.Domain.Delivery;

/// <summary>One reason to consider stopping a project, with the figure that tripped it.</summary>
/// <param name="Kind">Which signal.</param>
/// <param name="Amount">Days overdue, percentage points ahead, or months silent.</param>
public sealed record StopSignal(StopSignalKind Kind, int Amount)
{
    public string Describe() => Kind switch
    {
        StopSignalKind.MilestoneOverdue => string.Format(DeliveryText.Signal_Overdue, Amount),
        StopSignalKind.SpendAhead => string.Format(DeliveryText.Signal_SpendAhead, Amount),
        _ => string.Format(DeliveryText.Signal_Silent, Amount),
    };
}
