using InnovationCases.Resources;
using InnovationCases.Domain;

namespace InnovationCases.Features.Cases.Page;

/// <summary>Everything the case page shows about one case the actor may see (never its assessments: see AssessmentService).</summary>
public sealed record CaseDetails(
    InnovationCase Case,
    Pool Pool,
    IReadOnlyDictionary<int, string> DepartmentNames,
    IReadOnlyList<CaseEvent> Events,
    bool MayEdit,
    bool MayReportEffect,
    string? WhyNotAssess)
{
    public string DepartmentName(int id) => DepartmentNames.GetValueOrDefault(id, "");

    public string PoolName => Pool.Kind == PoolKind.CrossCutting
        ? Pool.Kind.Label()
        : $"{Pool.Kind.Label()} – {DepartmentName(Pool.DepartmentId ?? 0)}";
}
