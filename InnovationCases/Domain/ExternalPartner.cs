namespace InnovationCases.Domain;

/// <summary>An organisation outside the municipality taking part in a case.</summary>
public sealed class ExternalPartner
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ApplicantType Kind { get; set; }
}
