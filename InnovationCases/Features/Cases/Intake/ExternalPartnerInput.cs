using InnovationCases.Domain;

namespace InnovationCases.Features.Cases.Intake;

/// <summary>An external partner row on the application form.</summary>
public sealed class ExternalPartnerInput
{
    public string Name { get; set; } = "";
    public ApplicantType Kind { get; set; } = ApplicantType.CivilSociety;
}
