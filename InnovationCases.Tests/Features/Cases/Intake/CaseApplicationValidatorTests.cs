using InnovationCases.Domain;
using InnovationCases.Features.Cases.Intake;
using InnovationCases.Tests.Features.Cases;

namespace InnovationCases.Tests.Features.Cases.Intake;

public sealed class CaseApplicationValidatorTests
{
    [Fact]
    public void A_complete_application_is_valid()
    {
        Assert.Empty(CaseApplicationValidator.Validate(Applications.Valid(), Applications.Lookups));
    }

    [Fact]
    public void Amounts_above_one_billion_are_refused()
    {
        var a = Applications.Valid();
        a.RequestedAmount = 1_000_000_001;
        var errors = CaseApplicationValidator.Validate(a, Applications.Lookups);
        Assert.Contains("højst", errors[nameof(CaseApplication.RequestedAmount)]);
    }

    [Fact]
    public void A_civil_society_applicant_without_lead_department_is_told_to_choose_one()
    {
        var a = Applications.Valid();
        a.ApplicantType = ApplicantType.CivilSociety;
        a.LeadDepartmentId = null;
        var errors = CaseApplicationValidator.Validate(a, Applications.Lookups);
        Assert.Contains("magistratsafdeling", errors[nameof(CaseApplication.LeadDepartmentId)]);
    }

    [Fact]
    public void Markup_is_valid_text_but_is_recognised_for_the_plain_text_notice()
    {
        var a = Applications.Valid();
        a.Title = "<script>alert('x')</script>";
        Assert.Empty(CaseApplicationValidator.Validate(a, Applications.Lookups));
        Assert.True(CaseApplicationValidator.LooksLikeMarkup(a.Title));
    }
}
