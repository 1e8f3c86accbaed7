namespace InnovationCases.Features.Delivery;

/// <summary>A payment out of a grant as entered on the case page.</summary>
public sealed class PaymentInput
{
    public DateTime? Date { get; set; }
    public long? Amount { get; set; }
    public string Note { get; set; } = "";
}
