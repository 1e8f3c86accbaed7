namespace InnovationCases.Features.Dashboard;

/// <summary>One named series of a dashboard chart, one value per label.</summary>
public sealed record ChartLine(string Name, IReadOnlyList<double> Values);
