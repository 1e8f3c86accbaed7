namespace InnovationCases.Domain.Delivery;

/// <summary>Money paid out of a grant (udbetaling), whole kroner; the sum never exceeds the granted amount.</summary>
public sealed class Payment
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public DateOnly Date { get; set; }
    public long Amount { get; set; }
    public string Note { get; set; } = "";
    public required string ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTime CreatedAt { get; set; }
}
