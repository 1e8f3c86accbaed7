using InnovationCases.Domain.Delivery;

namespace InnovationCases.Features.Delivery;

/// <summary>A running project on the dashboard and in Mine sager: its signals and the reports it owes.</summary>
public sealed record DeliveryOverviewRow(
    string CaseNumber,
    string Title,
    string LeadDepartment,
    int Progress,
    IReadOnlyList<StopSignal> Signals,
    IReadOnlyList<ReportDue> ReportsDue);
