namespace InnovationCases.Features.Delivery;

/// <summary>What the dashboard and Mine sager show of the projects after the grant.</summary>
public sealed record DeliveryOverview(
    IReadOnlyList<DeliveryOverviewRow> ConsiderStop,
    IReadOnlyList<DeliveryOverviewRow> ReportsDue,
    IReadOnlyList<RealisedYear> RealisedByYear);
