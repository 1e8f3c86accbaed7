using InnovationCases.Features.Cases.Intake;

namespace InnovationCases.Features.Adoptions;

/// <summary>How far a case has spread: its adoptions, its "byg videre på" links and what the reader may add.</summary>
public sealed record SpreadView(
    IReadOnlyList<AdoptionRow> Adoptions,
    CaseLink? BuildsOn,
    IReadOnlyList<CaseLink> BuiltOnBy,
    IReadOnlyList<DepartmentOption> AdoptingDepartments,
    bool MayBuildOn)
{
    public long ExpectedGain => Adoptions.Sum(a => a.ExpectedAnnualGain);
}
