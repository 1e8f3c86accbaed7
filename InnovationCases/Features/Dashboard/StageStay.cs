using InnovationCases.Domain;

namespace InnovationCases.Features.Dashboard;

/// <summary>One stay of a case in a stage; <paramref name="Ongoing"/> when the case is still there.</summary>
public sealed record StageStay(string CaseNumber, Stage Stage, double Days, bool Ongoing);
