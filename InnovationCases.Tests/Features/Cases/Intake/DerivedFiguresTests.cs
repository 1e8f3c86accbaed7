using Bunit;
using InnovationCases.Domain;
using InnovationCases.Features.Cases.Intake;
using InnovationCases.Tests.Support;
using InnovationCases.Tests.Features.Cases;

namespace InnovationCases.Tests.Features.Cases.Intake;

public sealed class DerivedFiguresTests : BunitTestContext
{
    private static string Text(IRenderedComponent<DerivedFigures> cut, string key) =>
        cut.Find($"[data-derived={key}]").TextContent.Replace('\u00A0', ' ').Trim();

    [Fact]
    public void Payback_co_financing_share_and_mixed_competencies_are_computed()
    {
        var model = Applications.Valid(leadDepartmentId: 2);
        model.RequestedAmount = 800_000;
        model.ExpectedAnnualGain = 320_000;
        model.InternalCoFinancing = 150_000;
        model.ExternalCoFinancing = 50_000;
        model.PartnerDepartmentIds = [4, 2];
        model.ApplicantType = ApplicantType.CivilSociety;
        model.ExternalPartners = [new() { Name = "Aarhus Universitet", Kind = ApplicantType.EducationInstitution }, new() { Name = "Foreningen", Kind = ApplicantType.CivilSociety }];

        var cut = Render<DerivedFigures>(p => p.Add(x => x.Model, model));

        Assert.Equal("2,5 år", Text(cut, "payback"));
        Assert.Equal("20 %", Text(cut, "cofinancing"));
        Assert.Equal("2 afdeling(er), 2 type(r) eksterne partnere", Text(cut, "mixed"));
        Assert.Empty(cut.FindAll("[data-derived=multiyear]"));
    }

    [Fact]
    public void Figures_follow_the_model_and_a_period_across_years_is_flagged_as_multi_year()
    {
        var model = Applications.Valid();
        var cut = Render<DerivedFigures>(p => p.Add(x => x.Model, model));
        Assert.Equal("2,0 år", Text(cut, "payback"));

        model.ExpectedAnnualGain = null;
        model.StartMonth = "2026-10";
        model.EndMonth = "2027-03";
        cut.Render(p => p.Add(x => x.Model, model));

        Assert.StartsWith("–", Text(cut, "payback"));
        Assert.NotNull(cut.Find("[data-derived=multiyear]"));
    }
}
