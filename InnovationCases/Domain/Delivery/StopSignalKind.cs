namespace InnovationCases.Domain.Delivery;

/// <summary>Why a granted project is flagged "Overvej at stoppe".</summary>
public enum StopSignalKind
{
    MilestoneOverdue,
    SpendAhead,
    Silent,
}
