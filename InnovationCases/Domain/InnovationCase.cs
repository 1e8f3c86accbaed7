using InnovationCases.Domain.Delivery;
using InnovationCases.Domain.Assignments;

namespace InnovationCases.Domain;

/// <summary>
/// An application for innovation money and everything that happens to it afterwards. The stage is
/// changed only by <see cref="Workflow.CaseWorkflow"/>; <see cref="Version"/> is bumped on every save
/// and guards against two people moving the same case at once.
/// </summary>
public sealed class InnovationCase
{
    /// <summary>A cross-cutting grant above this needs a city-council decision.</summary>
    public const long CouncilThreshold = 2_000_000;

    public int Id { get; set; }
    public string CaseNumber { get; set; } = "";
    public int Version { get; set; }

    // The project
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Description { get; set; } = "";
    public int PoolId { get; set; }
    public Pool? Pool { get; set; }
    public int BudgetYear { get; set; }

    /// <summary>The application round of the cross-cutting pool the case was submitted in (none for local funds).</summary>
    public int? RoundId { get; set; }
    public Theme Theme { get; set; }

    // The applicant
    public ApplicantType ApplicantType { get; set; }
    public string ApplicantOrganisation { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public int LeadDepartmentId { get; set; }
    public Department? LeadDepartment { get; set; }
    public List<CasePartnerDepartment> PartnerDepartments { get; set; } = [];
    public List<ExternalPartner> ExternalPartners { get; set; } = [];

    /// <summary>"Byg videre på": the case this application carries on from, if any.</summary>
    public int? BuildsOnCaseId { get; set; }

    // Money and business case, whole kroner
    public long RequestedAmount { get; set; }
    public long InternalCoFinancing { get; set; }
    public long ExternalCoFinancing { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public long ExpectedAnnualGain { get; set; }
    public int FirstGainYear { get; set; }
    public string GainDescription { get; set; } = "";

    // Risk and effect
    public string Novelty { get; set; } = "";
    public string Risks { get; set; } = "";
    public RiskLevel RiskLevel { get; set; }
    public string Viability { get; set; } = "";
    public string EffectPlan { get; set; } = "";

    // Workflow state and the data the moves recorded
    public Stage Stage { get; set; }
    public DateTime StageChangedAt { get; set; }
    public DateTime SubmittedAt { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public long? RecommendedAmount { get; set; }
    public long? GrantedAmount { get; set; }
    public DateOnly? CouncilDecisionDate { get; set; }
    public string? CouncilDecisionReference { get; set; }
    public string? ImplementationNote { get; set; }
    public long? ActualSpend { get; set; }

    /// <summary>When the Grant move fired (UTC); null before, and on cases granted before it was recorded.</summary>
    public DateTime? GrantedAt { get; set; }

    /// <summary>
    /// The wait for the answer, in ticks: from <see cref="SubmittedAt"/> to the first Grant or Reject
    /// move, as the stored times give it; null while undecided. Kept for the dashboard's median
    /// (Features/Dashboard/DecisionWaits), written by the move and refilled from the events.
    /// </summary>
    public long? DecisionWaitTicks { get; set; }

    public List<Assessment> Assessments { get; set; } = [];
    public List<EffectReport> EffectReports { get; set; } = [];
    public List<CaseAssignment> Assignments { get; set; } = [];

    // After the grant (Domain/Delivery)
    public List<Indicator> Indicators { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
    public List<Payment> Payments { get; set; } = [];

    /// <summary>A period that spans more than one budget year.</summary>
    public bool IsMultiYear => BusinessCase.IsMultiYear(PeriodStart, PeriodEnd);

    /// <summary>Years until the requested amount is paid back by the annual gain; null without a gain.</summary>
    public decimal? PaybackYears => BusinessCase.PaybackYears(RequestedAmount, ExpectedAnnualGain);

    public decimal CoFinancingShare => BusinessCase.CoFinancingShare(RequestedAmount, InternalCoFinancing, ExternalCoFinancing);

    /// <summary>Number of departments (lead and partners) involved.</summary>
    public int DepartmentCount => 1 + PartnerDepartments.Count(p => p.DepartmentId != LeadDepartmentId);

    /// <summary>What the case takes from its pool (<see cref="PoolConsumption"/>).</summary>
    public long ConsumedAmount => PoolConsumption.Of(this);

    public bool InvolvesDepartment(int departmentId) =>
        LeadDepartmentId == departmentId || PartnerDepartments.Any(p => p.DepartmentId == departmentId);
}
