using System.Net.Mail;
using System.Text.RegularExpressions;
using InnovationCases.Domain;
using InnovationCases.Resources;

namespace InnovationCases.Features.Cases.Intake;

/// <summary>
/// The rules of the application (DESIGN.md), with a Danish message per field. The form shows them
/// next to the fields; <see cref="IntakeService"/> and <see cref="CaseEditService"/> run the same
/// rules again on the server, so nothing depends on the browser.
/// </summary>
public static partial class CaseApplicationValidator
{
    public static IReadOnlyDictionary<string, string> Validate(CaseApplication a, IntakeLookups lookups)
    {
        var errors = new Dictionary<string, string>();
        void Add(string field, string message) => errors.TryAdd(field, message);

        Text(nameof(a.Title), a.Title, Limits.TitleMax, required: true, Add);
        Text(nameof(a.Summary), a.Summary, Limits.SummaryMax, required: true, Add);
        Text(nameof(a.Description), a.Description, Limits.DescriptionMax, required: false, Add);

        if (a.PoolKind is not { } pool || !Enum.IsDefined(pool))
        {
            Add(nameof(a.PoolKind), Choose(nameof(a.PoolKind)));
        }

        if (a.BudgetYear is not { } year || !lookups.Years.Contains(year))
        {
            Add(nameof(a.BudgetYear), Choose(nameof(a.BudgetYear)));
        }

        if (a.Theme is not { } theme || !Enum.IsDefined(theme))
        {
            Add(nameof(a.Theme), Choose(nameof(a.Theme)));
        }

        if (a.ApplicantType is not { } type || !Enum.IsDefined(type))
        {
            Add(nameof(a.ApplicantType), Choose(nameof(a.ApplicantType)));
        }

        Text(nameof(a.ApplicantOrganisation), a.ApplicantOrganisation, Limits.NameMax, required: true, Add);
        Text(nameof(a.ContactName), a.ContactName, Limits.NameMax, required: true, Add);
        Text(nameof(a.ContactEmail), a.ContactEmail, Limits.NameMax, required: true, Add);
        if (!string.IsNullOrWhiteSpace(a.ContactEmail) && !IsEmail(a.ContactEmail))
        {
            Add(nameof(a.ContactEmail), IntakeText.Val_Email);
        }

        Text(nameof(a.ContactPhone), a.ContactPhone, Limits.PhoneMax, required: false, Add);
        if (!string.IsNullOrWhiteSpace(a.ContactPhone) && !PhonePattern().IsMatch(a.ContactPhone))
        {
            Add(nameof(a.ContactPhone), IntakeText.Val_Phone);
        }

        Departments(a, lookups, Add);
        ExternalPartners(a, Add);

        Amount(nameof(a.RequestedAmount), a.RequestedAmount, positive: true, Add);
        Amount(nameof(a.InternalCoFinancing), a.InternalCoFinancing ?? 0, positive: false, Add);
        Amount(nameof(a.ExternalCoFinancing), a.ExternalCoFinancing ?? 0, positive: false, Add);
        Period(a, Add);
        Amount(nameof(a.ExpectedAnnualGain), a.ExpectedAnnualGain, positive: true, Add);
        if (a.FirstGainYear is not { } gainYear)
        {
            Add(nameof(a.FirstGainYear), Required(nameof(a.FirstGainYear)));
        }
        else if (gainYear is < Limits.FirstYear or > Limits.LastYear)
        {
            Add(nameof(a.FirstGainYear), string.Format(IntakeText.Val_YearRange, Label(nameof(a.FirstGainYear)), Limits.FirstYear, Limits.LastYear));
        }
        else if (CaseApplication.ParseMonth(a.StartMonth) is { } start && gainYear < start.Year)
        {
            Add(nameof(a.FirstGainYear), IntakeText.Val_GainBeforeStart);
        }

        Text(nameof(a.GainDescription), a.GainDescription, Limits.TextMax, required: true, Add);
        Text(nameof(a.Novelty), a.Novelty, Limits.TextMax, required: false, Add);
        Text(nameof(a.Risks), a.Risks, Limits.TextMax, required: true, Add);
        if (a.RiskLevel is not { } risk || !Enum.IsDefined(risk))
        {
            Add(nameof(a.RiskLevel), Choose(nameof(a.RiskLevel)));
        }

        Text(nameof(a.Viability), a.Viability, Limits.TextMax, required: true, Add);
        Text(nameof(a.EffectPlan), a.EffectPlan, Limits.TextMax, required: true, Add);
        return errors;
    }

    /// <summary>The Danish label of a field of <see cref="CaseApplication"/>.</summary>
    public static string Label(string field) => IntakeText.ResourceManager.GetString("Field_" + field, IntakeText.Culture) ?? field;

    /// <summary>True when the text looks like markup; it is accepted, but the form says it will be shown as plain text.</summary>
    public static bool LooksLikeMarkup(string? text) => !string.IsNullOrEmpty(text) && MarkupPattern().IsMatch(text);

    private static void Departments(CaseApplication a, IntakeLookups lookups, Action<string, string> add)
    {
        var known = lookups.Departments.Select(d => d.Id).ToHashSet();
        if (a.LeadDepartmentId is not { } lead || !known.Contains(lead))
        {
            add(nameof(a.LeadDepartmentId), a.ApplicantType is { } t && t != ApplicantType.Department
                ? IntakeText.Val_LeadForExternal
                : Choose(nameof(a.LeadDepartmentId)));
        }

        if (a.PartnerDepartmentIds.Any(p => !known.Contains(p)))
        {
            add(nameof(a.PartnerDepartmentIds), IntakeText.Val_UnknownDepartment);
        }
        else if (a.LeadDepartmentId is { } l && a.PartnerDepartmentIds.Contains(l))
        {
            add(nameof(a.PartnerDepartmentIds), IntakeText.Val_PartnerIsLead);
        }
    }

    private static void ExternalPartners(CaseApplication a, Action<string, string> add)
    {
        if (a.ExternalPartners.Count > Limits.ExternalPartnersMax)
        {
            add(nameof(a.ExternalPartners), string.Format(IntakeText.Val_TooManyPartners, Limits.ExternalPartnersMax));
            return;
        }

        if (a.ExternalPartners.Any(p => string.IsNullOrWhiteSpace(p.Name)))
        {
            add(nameof(a.ExternalPartners), IntakeText.Val_PartnerName);
        }
        else if (a.ExternalPartners.Any(p => p.Name.Length > Limits.NameMax))
        {
            add(nameof(a.ExternalPartners), string.Format(IntakeText.Val_PartnerNameTooLong, Limits.NameMax));
        }
        else if (a.ExternalPartners.Any(p => !Enum.IsDefined(p.Kind) || p.Kind == ApplicantType.Department))
        {
            add(nameof(a.ExternalPartners), IntakeText.Val_PartnerKind);
        }
    }

    private static void Period(CaseApplication a, Action<string, string> add)
    {
        var start = Month(nameof(a.StartMonth), a.StartMonth, add);
        var end = Month(nameof(a.EndMonth), a.EndMonth, add);
        if (start is { } s && end is { } e && e < s)
        {
            add(nameof(a.EndMonth), IntakeText.Val_EndBeforeStart);
        }
    }

    private static DateOnly? Month(string field, string? value, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            add(field, Required(field));
            return null;
        }

        if (CaseApplication.ParseMonth(value) is not { } month)
        {
            add(field, string.Format(IntakeText.Val_Month, Label(field)));
            return null;
        }

        if (month.Year is < Limits.FirstYear or > Limits.LastYear)
        {
            add(field, string.Format(IntakeText.Val_YearRange, Label(field), Limits.FirstYear, Limits.LastYear));
            return null;
        }

        return month;
    }

    private static void Amount(string field, long? value, bool positive, Action<string, string> add)
    {
        if (value is not { } v)
        {
            add(field, Required(field));
        }
        else if (positive && v <= 0)
        {
            add(field, string.Format(IntakeText.Val_AmountPositive, Label(field)));
        }
        else if (v < 0)
        {
            add(field, string.Format(IntakeText.Val_AmountNotNegative, Label(field)));
        }
        else if (v > Limits.AmountMax)
        {
            add(field, string.Format(IntakeText.Val_AmountTooLarge, Label(field), Money.Format(Limits.AmountMax)));
        }
    }

    private static void Text(string field, string? value, int max, bool required, Action<string, string> add)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            add(field, Required(field));
        }
        else if (value is not null && value.Length > max)
        {
            add(field, string.Format(IntakeText.Val_TooLong, Label(field), max.ToString("N0", Money.Danish), value.Length.ToString("N0", Money.Danish)));
        }
    }

    private static string Required(string field) => string.Format(IntakeText.Val_Required, Label(field));

    private static string Choose(string field) => string.Format(IntakeText.Val_Choose, Label(field));

    private static bool IsEmail(string text) =>
        EmailPattern().IsMatch(text) && MailAddress.TryCreate(text, out var m) && m.Address == text;

    [GeneratedRegex(@"^[^@\s<>""]+@[^@\s<>""]+\.[^@\s<>""]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()\-]{4,}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!][^>]*>")]
    private static partial Regex MarkupPattern();
}
