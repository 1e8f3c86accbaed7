namespace InnovationCases.Domain.Delivery;

/// <summary>One value of an indicator on a date, with who entered it.</summary>
public sealed class Measurement
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Value { get; set; }
    public string Note { get; set; } = "";
    public required string ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTime CreatedAt { get; set; }
}
