using InnovationCases.Domain;

namespace InnovationCases.Features.Cases.Grid;

/// <summary>One line of the all-cases grid: only the columns shown, projected in the query.</summary>
public sealed record CaseRow(
    string CaseNumber,
    string Title,
    Stage Stage,
    PoolKind PoolKind,
    int BudgetYear,
    Theme Theme,
    string LeadDepartment,
    long RequestedAmount,
    long? GrantedAmount,
    DateTime SubmittedAt,
    DateTime StageChangedAt);
