using InnovationCases.Domain;

namespace InnovationCases.Features.MyCases;

/// <summary>One of the department's cases on "Mine sager", with its next step in plain Danish.</summary>
public sealed record MyCaseRow(
    string CaseNumber,
    string Title,
    Stage Stage,
    int DaysInStage,
    string NextStep,
    long RequestedAmount,
    long? GrantedAmount,
    bool IsLead);
