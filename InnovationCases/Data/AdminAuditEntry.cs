namespace InnovationCases.Data;

/// <summary>One administrative change (users, departments, budgets): who, when, what.</summary>
public sealed class AdminAuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }
    public required string Change { get; set; }
}
