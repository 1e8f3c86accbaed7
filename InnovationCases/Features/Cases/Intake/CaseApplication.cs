using System.Globalization;
using InnovationCases.Domain;

namespace InnovationCases.Features.Cases.Intake;

/// <summary>
/// The application form's fields, as the person typed them: a draft may be incomplete, so every
/// choice is nullable. <see cref="CaseApplicationValidator"/> decides whether it can become a case.
/// Also the shape of a saved draft (as JSON) and of an edit.
/// </summary>
public sealed class CaseApplication
{
    public const string MonthFormat = "yyyy-MM";

    // The project
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Description { get; set; } = "";
    public PoolKind? PoolKind { get; set; }
    public int? BudgetYear { get; set; }
    public Theme? Theme { get; set; }

    // The applicant and partners
    public ApplicantType? ApplicantType { get; set; }
    public string ApplicantOrganisation { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public int? LeadDepartmentId { get; set; }
    public List<int> PartnerDepartmentIds { get; set; } = [];
    public List<ExternalPartnerInput> ExternalPartners { get; set; } = [];

    /// <summary>"Byg videre på": the case number this application carries on from (a case the applicant may see).</summary>
    public string? BuildsOnCaseNumber { get; set; }

    // Money and business case, whole kroner
    public long? RequestedAmount { get; set; }
    public long? InternalCoFinancing { get; set; }
    public long? ExternalCoFinancing { get; set; }

    /// <summary>First month of the period, <c>yyyy-MM</c>.</summary>
    public string? StartMonth { get; set; }

    /// <summary>Last month of the period, <c>yyyy-MM</c>.</summary>
    public string? EndMonth { get; set; }

    public long? ExpectedAnnualGain { get; set; }
    public int? FirstGainYear { get; set; }
    public string GainDescription { get; set; } = "";

    // Risk and effect
    public string Novelty { get; set; } = "";
    public string Risks { get; set; } = "";
    public RiskLevel? RiskLevel { get; set; }
    public string Viability { get; set; } = "";
    public string EffectPlan { get; set; } = "";

    /// <summary>Payback time in years (requested ÷ annual gain); null without a gain.</summary>
    public decimal? PaybackYears => BusinessCase.PaybackYears(RequestedAmount ?? 0, ExpectedAnnualGain ?? 0);

    public decimal CoFinancingShare =>
        BusinessCase.CoFinancingShare(Math.Max(0, RequestedAmount ?? 0), Math.Max(0, InternalCoFinancing ?? 0), Math.Max(0, ExternalCoFinancing ?? 0));

    /// <summary>Departments involved: the lead and distinct partners.</summary>
    public int DepartmentCount =>
        PartnerDepartmentIds.Where(p => p != LeadDepartmentId).Distinct().Count() + (LeadDepartmentId is null ? 0 : 1);

    /// <summary>Kinds of external partners involved (civil society, business, ...), counting a non-department applicant.</summary>
    public int ExternalKindCount =>
        ExternalPartners.Where(p => !string.IsNullOrWhiteSpace(p.Name)).Select(p => p.Kind)
            .Concat(ApplicantType is { } t && t != Domain.ApplicantType.Department ? [t] : [])
            .Distinct()
            .Count();

    public static DateOnly? ParseMonth(string? month) =>
        DateOnly.TryParseExact(month?.Trim(), MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string FormatMonth(DateOnly date) => date.ToString(MonthFormat, CultureInfo.InvariantCulture);

    /// <summary>The application as it stands on a case, for editing.</summary>
    public static CaseApplication From(InnovationCase c, PoolKind poolKind) => new()
    {
        Title = c.Title,
        Summary = c.Summary,
        Description = c.Description,
        PoolKind = poolKind,
        BudgetYear = c.BudgetYear,
        Theme = c.Theme,
        ApplicantType = c.ApplicantType,
        ApplicantOrganisation = c.ApplicantOrganisation,
        ContactName = c.ContactName,
        ContactEmail = c.ContactEmail,
        ContactPhone = c.ContactPhone,
        LeadDepartmentId = c.LeadDepartmentId,
        PartnerDepartmentIds = c.PartnerDepartments.Select(p => p.DepartmentId).Order().ToList(),
        ExternalPartners = c.ExternalPartners.Select(p => new ExternalPartnerInput { Name = p.Name, Kind = p.Kind }).ToList(),
        RequestedAmount = c.RequestedAmount,
        InternalCoFinancing = c.InternalCoFinancing,
        ExternalCoFinancing = c.ExternalCoFinancing,
        StartMonth = FormatMonth(c.PeriodStart),
        EndMonth = FormatMonth(c.PeriodEnd),
        ExpectedAnnualGain = c.ExpectedAnnualGain,
        FirstGainYear = c.FirstGainYear,
        GainDescription = c.GainDescription,
        Novelty = c.Novelty,
        Risks = c.Risks,
        RiskLevel = c.RiskLevel,
        Viability = c.Viability,
        EffectPlan = c.EffectPlan,
    };

    /// <summary>Writes a validated application onto a case (the pool is resolved by the caller).</summary>
    internal void ApplyTo(InnovationCase c, int poolId)
    {
        c.Title = Title;
        c.Summary = Summary;
        c.Description = Description;
        c.PoolId = poolId;
        c.BudgetYear = BudgetYear!.Value;
        c.Theme = Theme!.Value;
        c.ApplicantType = ApplicantType!.Value;
        c.ApplicantOrganisation = ApplicantOrganisation;
        c.ContactName = ContactName;
        c.ContactEmail = ContactEmail;
        c.ContactPhone = ContactPhone;
        c.LeadDepartmentId = LeadDepartmentId!.Value;
        var partners = PartnerDepartmentIds.Where(p => p != c.LeadDepartmentId).Distinct().ToHashSet();
        c.PartnerDepartments.RemoveAll(p => !partners.Contains(p.DepartmentId));
        foreach (var p in partners.Where(p => c.PartnerDepartments.All(x => x.DepartmentId != p)))
        {
            c.PartnerDepartments.Add(new CasePartnerDepartment { DepartmentId = p });
        }

        var externals = ExternalPartners.Where(p => !string.IsNullOrWhiteSpace(p.Name)).ToList();
        if (!externals.Select(e => (e.Name, e.Kind)).SequenceEqual(c.ExternalPartners.Select(e => (e.Name, e.Kind))))
        {
            c.ExternalPartners.Clear();
            c.ExternalPartners.AddRange(externals.Select(e => new ExternalPartner { Name = e.Name, Kind = e.Kind }));
        }

        c.RequestedAmount = RequestedAmount!.Value;
        c.InternalCoFinancing = InternalCoFinancing ?? 0;
        c.ExternalCoFinancing = ExternalCoFinancing ?? 0;
        var start = ParseMonth(StartMonth)!.Value;
        var end = ParseMonth(EndMonth)!.Value;
        c.PeriodStart = start;
        c.PeriodEnd = end.AddMonths(1).AddDays(-1);
        c.ExpectedAnnualGain = ExpectedAnnualGain!.Value;
        c.FirstGainYear = FirstGainYear!.Value;
        c.GainDescription = GainDescription;
        c.Novelty = Novelty;
        c.Risks = Risks;
        c.RiskLevel = RiskLevel!.Value;
        c.Viability = Viability;
        c.EffectPlan = EffectPlan;
    }

    /// <summary>
    /// Trims every text and drops control characters (except line breaks and tabs). Text is kept as
    /// typed otherwise: markup is stored as plain text and always rendered escaped.
    /// </summary>
    public void Normalize()
    {
        Title = Clean(Title);
        Summary = Clean(Summary);
        Description = Clean(Description);
        ApplicantOrganisation = Clean(ApplicantOrganisation);
        ContactName = Clean(ContactName);
        ContactEmail = Clean(ContactEmail);
        ContactPhone = Clean(ContactPhone);
        GainDescription = Clean(GainDescription);
        Novelty = Clean(Novelty);
        Risks = Clean(Risks);
        Viability = Clean(Viability);
        EffectPlan = Clean(EffectPlan);
        StartMonth = StartMonth?.Trim();
        EndMonth = EndMonth?.Trim();
        PartnerDepartmentIds ??= [];
        ExternalPartners ??= [];
        foreach (var p in ExternalPartners)
        {
            p.Name = Clean(p.Name);
        }
    }

    public CaseApplication Clone() => System.Text.Json.JsonSerializer.Deserialize<CaseApplication>(System.Text.Json.JsonSerializer.Serialize(this))!;

    private static string Clean(string? text) => Text.Clean(text);
}
