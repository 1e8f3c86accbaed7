using InnovationCases.Domain;
using InnovationCases.Resources;

namespace InnovationCases.Features.Cases.Intake;

/// <summary>The fields that differ between two versions of an application, as the Danish user reads them.</summary>
public static class ApplicationDiff
{
    public static IReadOnlyList<FieldChange> Between(CaseApplication before, CaseApplication after, IntakeLookups lookups)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string old, string @new)
        {
            if (old != @new)
            {
                changes.Add(new FieldChange(field, CaseApplicationValidator.Label(field), old, @new));
            }
        }

        Compare(nameof(before.Title), before.Title, after.Title);
        Compare(nameof(before.Summary), before.Summary, after.Summary);
        Compare(nameof(before.Description), before.Description, after.Description);
        Compare(nameof(before.PoolKind), before.PoolKind?.Label() ?? "", after.PoolKind?.Label() ?? "");
        Compare(nameof(before.BudgetYear), $"{before.BudgetYear}", $"{after.BudgetYear}");
        Compare(nameof(before.Theme), before.Theme?.Label() ?? "", after.Theme?.Label() ?? "");
        Compare(nameof(before.ApplicantType), before.ApplicantType?.Label() ?? "", after.ApplicantType?.Label() ?? "");
        Compare(nameof(before.ApplicantOrganisation), before.ApplicantOrganisation, after.ApplicantOrganisation);
        Compare(nameof(before.ContactName), before.ContactName, after.ContactName);
        Compare(nameof(before.ContactEmail), before.ContactEmail, after.ContactEmail);
        Compare(nameof(before.ContactPhone), before.ContactPhone, after.ContactPhone);
        Compare(nameof(before.LeadDepartmentId), lookups.DepartmentName(before.LeadDepartmentId), lookups.DepartmentName(after.LeadDepartmentId));
        Compare(nameof(before.PartnerDepartmentIds), Departments(before, lookups), Departments(after, lookups));
        Compare(nameof(before.ExternalPartners), Externals(before), Externals(after));
        Compare(nameof(before.RequestedAmount), Money.Format(before.RequestedAmount), Money.Format(after.RequestedAmount));
        Compare(nameof(before.InternalCoFinancing), Money.Format(before.InternalCoFinancing), Money.Format(after.InternalCoFinancing));
        Compare(nameof(before.ExternalCoFinancing), Money.Format(before.ExternalCoFinancing), Money.Format(after.ExternalCoFinancing));
        Compare(nameof(before.StartMonth), before.StartMonth ?? "", after.StartMonth ?? "");
        Compare(nameof(before.EndMonth), before.EndMonth ?? "", after.EndMonth ?? "");
        Compare(nameof(before.ExpectedAnnualGain), Money.Format(before.ExpectedAnnualGain), Money.Format(after.ExpectedAnnualGain));
        Compare(nameof(before.FirstGainYear), $"{before.FirstGainYear}", $"{after.FirstGainYear}");
        Compare(nameof(before.GainDescription), before.GainDescription, after.GainDescription);
        Compare(nameof(before.Novelty), before.Novelty, after.Novelty);
        Compare(nameof(before.Risks), before.Risks, after.Risks);
        Compare(nameof(before.RiskLevel), before.RiskLevel?.Label() ?? "", after.RiskLevel?.Label() ?? "");
        Compare(nameof(before.Viability), before.Viability, after.Viability);
        Compare(nameof(before.EffectPlan), before.EffectPlan, after.EffectPlan);
        return changes;
    }

    private static string Departments(CaseApplication a, IntakeLookups lookups) =>
        string.Join(", ", a.PartnerDepartmentIds.Distinct().Select(id => lookups.DepartmentName(id)).Order());

    private static string Externals(CaseApplication a) =>
        string.Join(", ", a.ExternalPartners.Select(p => $"{p.Name} ({p.Kind.Label()})"));
}
