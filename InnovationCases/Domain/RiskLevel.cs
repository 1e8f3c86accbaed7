namespace InnovationCases.Domain;

public enum RiskLevel
{
    Low,
    Medium,
    High,
}
