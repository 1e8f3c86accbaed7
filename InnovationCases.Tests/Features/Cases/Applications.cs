using InnovationCases.Domain;
using InnovationCases.Features.Cases.Intake;

namespace InnovationCases.Tests.Features.Cases;

/// <summary>Applications for tests: a valid one to start from, and lookups that match the demo data's shape.</summary>
public static class Applications
{
    public static readonly IntakeLookups Lookups = new(
        [new DepartmentOption(1, "Borgmesterens Afdeling", "BA"), new DepartmentOption(2, "Børn og Unge", "MBU"), new DepartmentOption(4, "Sundhed og Omsorg", "MSO")],
        [DateTime.UtcNow.Year]);

    public static CaseApplication Valid(int leadDepartmentId = 2, int? year = null) => new()
    {
        Title = "Digital madplan i dagtilbud",
        Summary = "Forældre og køkkener deler madplaner digitalt.",
        Description = "En længere beskrivelse.",
        PoolKind = PoolKind.CrossCutting,
        BudgetYear = year ?? DateTime.UtcNow.Year,
        Theme = Theme.Digitalisation,
        ApplicantType = ApplicantType.Department,
        ApplicantOrganisation = "Børn og Unge",
        ContactName = "Jonas Kjær",
        ContactEmail = "jonas@aarhus.example",
        ContactPhone = "+45 89 40 20 00",
        LeadDepartmentId = leadDepartmentId,
        RequestedAmount = 800_000,
        InternalCoFinancing = 100_000,
        ExternalCoFinancing = 100_000,
        StartMonth = $"{DateTime.UtcNow.Year}-03",
        EndMonth = $"{DateTime.UtcNow.Year}-11",
        ExpectedAnnualGain = 400_000,
        FirstGainYear = DateTime.UtcNow.Year + 1,
        GainDescription = "Færre manuelle bestillinger i køkkenerne.",
        Novelty = "Ingen har gjort det i Aarhus før.",
        Risks = "Køkkenerne tager måske ikke løsningen i brug.",
        RiskLevel = RiskLevel.Medium,
        Viability = "Driften betales af gevinsten.",
        EffectPlan = "Vi måler bestillingstid før og efter.",
    };
}
