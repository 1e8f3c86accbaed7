using Bunit;
using InnovationCases.Domain;
using InnovationCases.Features.Cases.Intake;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using InnovationCases.Tests.Features.Cases;

namespace InnovationCases.Tests.Features.Cases.Intake;

public sealed class IntakeFormTests : BunitTestContext
{
    private IRenderedComponent<IntakeForm> RenderForm(CaseApplication model, Action? onSubmit = null)
    {
        Render<MudPopoverProvider>();
        return Render<IntakeForm>(p => p
            .Add(x => x.Model, model)
            .Add(x => x.Lookups, Applications.Lookups)
            .Add(x => x.OnSubmit, EventCallback.Factory.Create(this, onSubmit ?? (() => { }))));
    }

    public static TheoryData<string, string> Rules => new()
    {
        { "title-missing", "Udfyld „Projektets titel“." },
        { "title-too-long", "„Projektets titel“ må højst være 200 tegn (der er 201)." },
        { "summary-missing", "Udfyld „Kort resumé“." },
        { "summary-1mb", "„Kort resumé“ må højst være 2.000 tegn" },
        { "theme-missing", "Vælg „Tema“." },
        { "pool-missing", "Vælg „Pulje“." },
        { "applicant-type-missing", "Vælg „Ansøgertype“." },
        { "organisation-missing", "Udfyld „Ansøgende organisation“." },
        { "contact-missing", "Udfyld „Kontaktperson“." },
        { "email-invalid", "Skriv en gyldig e-mailadresse" },
        { "lead-missing-for-civil-society", "Ansøgere uden for kommunen kan kun søge sammen med en magistratsafdeling" },
        { "requested-zero", "„Ansøgt beløb (kr.)“ skal være større end 0 kr." },
        { "requested-absurd", "„Ansøgt beløb (kr.)“ må højst være 1.000.000.000 kr." },
        { "cofinancing-negative", "„Intern medfinansiering (kr.)“ må ikke være negativ." },
        { "end-before-start", "Slutmåneden må ikke ligge før startmåneden." },
        { "start-malformed", "„Startmåned“ skal være en måned, fx 2026-03." },
        { "gain-zero", "„Forventet årlig nettogevinst (kr.)“ skal være større end 0 kr." },
        { "gain-description-missing", "Udfyld „Sådan opstår gevinsten“." },
        { "risks-missing", "Udfyld „Risici“." },
        { "risk-level-missing", "Vælg „Risikoniveau“." },
        { "viability-missing", "Udfyld „Levedygtighed efter tilskuddets ophør“." },
        { "effect-plan-missing", "Udfyld „Sådan dokumenteres og afrapporteres effekten“." },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_validation_rule_shows_its_message_and_blocks_sending(string rule, string message)
    {
        var model = Applications.Valid();
        Break(model, rule);
        var submitted = false;
        var cut = RenderForm(model, () => submitted = true);

        cut.Find("[data-action=submit]").Click();

        Assert.Contains(message, cut.Markup.Replace("&#x201E;", "„").Replace("&#x201C;", "“"));
        Assert.False(submitted);
        Assert.NotNull(cut.Find("[data-error-summary]"));
    }

    [Fact]
    public void A_valid_application_is_sent_without_messages()
    {
        var submitted = false;
        var cut = RenderForm(Applications.Valid(), () => submitted = true);

        cut.Find("[data-action=submit]").Click();

        Assert.True(submitted);
        Assert.Empty(cut.FindAll("[data-error-summary]"));
    }

    [Fact]
    public void Markup_in_a_text_gets_the_plain_text_notice()
    {
        var model = Applications.Valid();
        model.Title = "<b>Fed</b> titel";
        var cut = RenderForm(model);
        Assert.Contains("vises som almindelig tekst", cut.Markup);
    }

    [Fact]
    public void Department_staff_see_their_lead_department_fixed_while_caseworkers_choose_it()
    {
        Render<MudPopoverProvider>();
        var staff = Render<IntakeForm>(p => p.Add(x => x.Model, Applications.Valid(leadDepartmentId: 2)).Add(x => x.Lookups, Applications.Lookups).Add(x => x.LeadFixed, true));
        var lead = LeadInput(staff);
        Assert.True(lead.HasAttribute("readonly"));
        Assert.Equal("Børn og Unge", lead.GetAttribute("value"));
        Assert.DoesNotContain("Børn og Unge", staff.Find("[data-field=PartnerDepartmentIds]").TextContent);

        var caseworker = Render<IntakeForm>(p => p.Add(x => x.Model, Applications.Valid(leadDepartmentId: 2)).Add(x => x.Lookups, Applications.Lookups));
        var select = Assert.Single(caseworker.FindComponents<MudSelect<int?>>(), s => s.Instance.Label!.StartsWith("Ledende magistratsafdeling"));
        Assert.False(select.Instance.ReadOnly);
        Assert.DoesNotContain(staff.FindComponents<MudSelect<int?>>(), s => s.Instance.Label!.StartsWith("Ledende"));
    }

    private static AngleSharp.Dom.IElement LeadInput(IRenderedComponent<IntakeForm> cut)
    {
        var field = cut.Find("[data-field=LeadDepartmentId]");
        return field.TagName == "INPUT" ? field : field.QuerySelector("input")!;
    }

    private static void Break(CaseApplication m, string rule)
    {
        switch (rule)
        {
            case "title-missing": m.Title = " "; break;
            case "title-too-long": m.Title = new string('a', 201); break;
            case "summary-missing": m.Summary = ""; break;
            case "summary-1mb": m.Summary = new string('b', 1024 * 1024); break;
            case "theme-missing": m.Theme = null; break;
            case "pool-missing": m.PoolKind = null; break;
            case "applicant-type-missing": m.ApplicantType = null; break;
            case "organisation-missing": m.ApplicantOrganisation = ""; break;
            case "contact-missing": m.ContactName = ""; break;
            case "email-invalid": m.ContactEmail = "ikke en mail"; break;
            case "lead-missing-for-civil-society": m.ApplicantType = ApplicantType.CivilSociety; m.LeadDepartmentId = null; break;
            case "requested-zero": m.RequestedAmount = 0; break;
            case "requested-absurd": m.RequestedAmount = 2_000_000_000; break;
            case "cofinancing-negative": m.InternalCoFinancing = -1; break;
            case "end-before-start": m.StartMonth = "2026-09"; m.EndMonth = "2026-02"; break;
            case "start-malformed": m.StartMonth = "marts"; break;
            case "gain-zero": m.ExpectedAnnualGain = 0; break;
            case "gain-description-missing": m.GainDescription = ""; break;
            case "risks-missing": m.Risks = ""; break;
            case "risk-level-missing": m.RiskLevel = null; break;
            case "viability-missing": m.Viability = ""; break;
            case "effect-plan-missing": m.EffectPlan = ""; break;
            default: throw new ArgumentOutOfRangeException(nameof(rule), rule, null);
        }
    }
}
