using InnovationCases.Domain.Delivery;

namespace InnovationCases.Features.Delivery;

/// <summary>Everything the case page shows after the grant, read once for the actor.</summary>
public sealed record DeliveryView(
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<Payment> Payments,
    DeliveryFacts Facts,
    IReadOnlyList<StopSignal> Signals,
    IReadOnlyList<ReportDue> ReportsDue,
    DateOnly Today,
    bool MayRecord,
    bool MayPay)
{
    public DateOnly GrantDay => Facts.GrantedOn;
}
