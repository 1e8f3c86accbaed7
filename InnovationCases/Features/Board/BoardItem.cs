using InnovationCases.Domain;
using System.Text.Json.Serialization;
using InnovationCases.Domain.Delivery;

namespace InnovationCases.Features.Board;

/// <summary>
/// One card on the board: what the card shows, what the filters and the visibility rule read, and
/// the few case facts the workflow's guards need to say which moves are possible. Read once per
/// change (<see cref="BoardFeed"/>) and shared by every open board, so it is immutable. The
/// prerendered board hands its cards to the interactive one as JSON: derived figures are not written,
/// nor optional ones at their default (that state sits in the page and goes up to the circuit twice).
/// </summary>
public sealed record BoardItem
{
    public required int Id { get; init; }
    public required string CaseNumber { get; init; }
    public required int Version { get; init; }
    public required string Title { get; init; }
    public required Stage Stage { get; init; }
    public required DateTime StageChangedAt { get; init; }
    public required int PoolId { get; init; }
    public required PoolKind PoolKind { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int? PoolDepartmentId { get; init; }
    public required int BudgetYear { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int? RoundId { get; init; }
    public required Theme Theme { get; init; }
    public required int LeadDepartmentId { get; init; }
    public required string LeadDepartmentName { get; init; }
    public required IReadOnlyList<int> PartnerDepartmentIds { get; init; }
    public required long RequestedAmount { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long? RecommendedAmount { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long? GrantedAmount { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    public required RiskLevel RiskLevel { get; init; }
    public required bool HasQualifyingAssessment { get; init; }

    // What the Screen guards read; carried so boards can ask the workflow without a query.
    public required long ExpectedAnnualGain { get; init; }
    public required BusinessCaseTexts FilledTexts { get; init; }

    // After the grant: aggregates read in the card query itself, so progress and the fail-fast
    // signals cost no query per card.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public DateTime? GrantedAt { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Paid { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long MilestoneWeight { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long MilestoneWeightDone { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public DateOnly? OldestOpenDue { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public DateOnly? LastMeasurement { get; init; }

    /// <summary>Progress and signal figures of a running project (Granted or Implemented); null otherwise.</summary>
    [JsonIgnore]
    public DeliveryFacts? Delivery => Stage is Stage.Granted or Stage.Implemented && GrantedAmount is { } granted
        ? new DeliveryFacts(Stage, DeliveryMath.GrantDay(GrantedAt, StageChangedAt), granted, Paid, MilestoneWeight, MilestoneWeightDone, OldestOpenDue, LastMeasurement)
        : null;

    [JsonIgnore]
    public bool IsMultiYear => BusinessCase.IsMultiYear(PeriodStart, PeriodEnd);

    /// <summary>The amount the card shows and its column sums: granted once granted, requested before.</summary>
    [JsonIgnore]
    public long Amount => AmountAt(Stage);

    [JsonIgnore]
    public bool ShowsGrantedAmount => IsGrantedStage(Stage) && GrantedAmount is not null;

    /// <summary>The card's amount as it was counted in <paramref name="stage"/> (moves never change the requested amount).</summary>
    public long AmountAt(Stage stage) => IsGrantedStage(stage) ? GrantedAmount ?? RequestedAmount : RequestedAmount;

    /// <summary>
    /// The council rule of DESIGN.md on the amount the case is at now, while the decision is still
    /// ahead (before the grant, which records it).
    /// </summary>
    [JsonIgnore]
    public bool NeedsCouncilDecision =>
        Stage is Stage.Submitted or Stage.Screened or Stage.Recommended &&
        BusinessCase.NeedsCouncilDecision(PoolKind, RecommendedAmount ?? RequestedAmount, IsMultiYear);

    public int DaysInStage(DateTime now) => Math.Max(0, (int)(now - StageChangedAt).TotalDays);

    public bool InvolvesDepartment(int departmentId) => Parties.Involves(departmentId);

    /// <summary>The case's departments, for the visibility rule (<see cref="CaseAccess"/>) on a card already read.</summary>
    [JsonIgnore]
    public CaseParties Parties => _parties ??= new CaseParties(LeadDepartmentId, PartnerDepartmentIds);

    private CaseParties? _parties;

    public bool IsVisibleTo(Actor actor) => actor.CanSee(Parties);

    /// <summary>The board's order within a column: most recently moved first.</summary>
    public static int CompareForColumn(BoardItem a, BoardItem b)
    {
        var byTime = b.StageChangedAt.CompareTo(a.StageChangedAt);
        return byTime != 0 ? byTime : b.Id.CompareTo(a.Id);
    }

    internal static bool IsGrantedStage(Stage stage) =>
        stage is Stage.Granted or Stage.Implemented or Stage.Evaluated or Stage.Stopped;

    /// <summary>A detached case holding what the workflow's guards read, for asking which moves are possible.</summary>
    public InnovationCase ToWorkflowCase() => new()
    {
        Id = Id,
        CaseNumber = CaseNumber,
        Version = Version,
        Title = Title,
        Stage = Stage,
        StageChangedAt = StageChangedAt,
        PoolId = PoolId,
        BudgetYear = BudgetYear,
        Theme = Theme,
        LeadDepartmentId = LeadDepartmentId,
        PartnerDepartments = PartnerDepartmentIds.Select(d => new CasePartnerDepartment { CaseId = Id, DepartmentId = d }).ToList(),
        RequestedAmount = RequestedAmount,
        RecommendedAmount = RecommendedAmount,
        GrantedAmount = GrantedAmount,
        PeriodStart = PeriodStart,
        PeriodEnd = PeriodEnd,
        RiskLevel = RiskLevel,
        ExpectedAnnualGain = ExpectedAnnualGain,
        GainDescription = Given(BusinessCaseTexts.GainDescription),
        Risks = Given(BusinessCaseTexts.Risks),
        Viability = Given(BusinessCaseTexts.Viability),
        EffectPlan = Given(BusinessCaseTexts.EffectPlan),
    };

    /// <summary>The texts' flags read from a case's texts, as the Screen guards judge them.</summary>
    public static BusinessCaseTexts Filled(string gainDescription, string risks, string viability, string effectPlan) =>
        (BusinessCase.IsFilled(gainDescription) ? BusinessCaseTexts.GainDescription : 0)
        | (BusinessCase.IsFilled(risks) ? BusinessCaseTexts.Risks : 0)
        | (BusinessCase.IsFilled(viability) ? BusinessCaseTexts.Viability : 0)
        | (BusinessCase.IsFilled(effectPlan) ? BusinessCaseTexts.EffectPlan : 0);

    // The detached case only answers the guards, which ask whether a text is filled; it is never
    // stored or shown, so a filled text is a stand-in, an empty one empty.
    private const string GivenText = "(udfyldt)";

    private string Given(BusinessCaseTexts text) => FilledTexts.HasFlag(text) ? GivenText : "";

    public Pool ToPool() => new() { Id = PoolId, Kind = PoolKind, DepartmentId = PoolDepartmentId, Year = BudgetYear };
}
