namespace InnovationCases.Features.Delivery;

/// <summary>A new milestone as entered on the case page.</summary>
public sealed class MilestoneInput
{
    public string Name { get; set; } = "";
    public DateTime? DueDate { get; set; }
    public int? Weight { get; set; } = 1;
    public string Note { get; set; } = "";
}
