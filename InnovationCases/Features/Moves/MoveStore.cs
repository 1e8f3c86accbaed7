using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Assignments;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InnovationCases.Features.Moves;

/// <summary>
/// How a move reads and writes its case: a no-tracking read of the columns the workflow's guards,
/// the visibility rule, the live change and the e-mails read, and one UPDATE of what the move
/// changed, guarded by the version the read saw. No change tracking on the hot path: B1 in
/// docs/BENCHMARKS.md.
/// </summary>
internal static class MoveStore
{
    // Compiled once per model: every move starts with this lookup. A compiled query belongs to one
    // model, and the SQLite and PostgreSQL contexts have one each (one process can hold both: the
    // tests, copy-to-postgres). Columns no move, guard or notice reads (summary, description, contact
    // details, co-financing) are left out; the case is not tracked.
    private static readonly ConcurrentDictionary<IModel, Func<AppDbContext, string, CancellationToken, Task<InnovationCase?>>> Loads = new();

    private static Func<AppDbContext, string, CancellationToken, Task<InnovationCase?>> Compile() =>
        EF.CompileAsyncQuery((AppDbContext db, string caseNumber, CancellationToken ct) => db.Cases.AsNoTracking()
            .Where(x => x.CaseNumber == caseNumber)
            .Select(x => new InnovationCase
            {
                Id = x.Id,
                CaseNumber = x.CaseNumber,
                Version = x.Version,
                Title = x.Title,
                PoolId = x.PoolId,
                Pool = x.Pool,
                BudgetYear = x.BudgetYear,
                RoundId = x.RoundId,
                Theme = x.Theme,
                ApplicantType = x.ApplicantType,
                ApplicantOrganisation = x.ApplicantOrganisation,
                LeadDepartmentId = x.LeadDepartmentId,
                PartnerDepartments = x.PartnerDepartments.Select(p => new CasePartnerDepartment { CaseId = p.CaseId, DepartmentId = p.DepartmentId }).ToList(),
                Assignments = x.Assignments.Select(a => new CaseAssignment
                {
                    Id = a.Id, CaseId = a.CaseId, UserId = a.UserId, UserName = a.UserName, Kind = a.Kind,
                    AssignedByUserId = a.AssignedByUserId, AssignedByName = a.AssignedByName,
                }).ToList(),
                RequestedAmount = x.RequestedAmount,
                PeriodStart = x.PeriodStart,
                PeriodEnd = x.PeriodEnd,
                ExpectedAnnualGain = x.ExpectedAnnualGain,
                FirstGainYear = x.FirstGainYear,
                GainDescription = x.GainDescription,
                Risks = x.Risks,
                RiskLevel = x.RiskLevel,
                Viability = x.Viability,
                EffectPlan = x.EffectPlan,
                Stage = x.Stage,
                StageChangedAt = x.StageChangedAt,
                SubmittedAt = x.SubmittedAt,
                CreatedByUserId = x.CreatedByUserId,
                RecommendedAmount = x.RecommendedAmount,
                GrantedAmount = x.GrantedAmount,
                CouncilDecisionDate = x.CouncilDecisionDate,
                CouncilDecisionReference = x.CouncilDecisionReference,
                ImplementationNote = x.ImplementationNote,
                ActualSpend = x.ActualSpend,
                GrantedAt = x.GrantedAt,
            })
            .SingleOrDefault());

    /// <summary>The case as the workflow needs it, not tracked; null when there is none.</summary>
    public static Task<InnovationCase?> LoadAsync(AppDbContext db, string caseNumber, CancellationToken ct) =>
        Loads.GetOrAdd(db.Model, _ => Compile())(db, caseNumber, ct);

    /// <summary>
    /// Stores a fired move: the stage, its time, the next version and whichever of the move's own
    /// columns it changed (compared with <paramref name="before"/>), only if the case is still at
    /// <paramref name="expectedVersion"/>; and the rows the move created (the realised-gain indicator,
    /// the final effect report), saved with the change's event. False when the version had moved on.
    /// </summary>
    public static async Task<bool> SaveAsync(AppDbContext db, InnovationCase c, MoveColumns before, int expectedVersion, CancellationToken ct)
    {
        var after = MoveColumns.Of(c);
        var updated = await db.Cases
            .Where(x => x.Id == c.Id && x.Version == expectedVersion)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(x => x.Stage, c.Stage)
                    .SetProperty(x => x.StageChangedAt, c.StageChangedAt)
                    .SetProperty(x => x.Version, expectedVersion + 1);
                if (after.RecommendedAmount != before.RecommendedAmount)
                {
                    s.SetProperty(x => x.RecommendedAmount, after.RecommendedAmount);
                }

                if (after.GrantedAmount != before.GrantedAmount)
                {
                    s.SetProperty(x => x.GrantedAmount, after.GrantedAmount);
                }

                if (after.CouncilDecisionDate != before.CouncilDecisionDate)
                {
                    s.SetProperty(x => x.CouncilDecisionDate, after.CouncilDecisionDate);
                }

                if (after.CouncilDecisionReference != before.CouncilDecisionReference)
                {
                    s.SetProperty(x => x.CouncilDecisionReference, after.CouncilDecisionReference);
                }

                if (after.ImplementationNote != before.ImplementationNote)
                {
                    s.SetProperty(x => x.ImplementationNote, after.ImplementationNote);
                }

                if (after.ActualSpend != before.ActualSpend)
                {
                    s.SetProperty(x => x.ActualSpend, after.ActualSpend);
                }

                if (after.GrantedAt != before.GrantedAt)
                {
                    s.SetProperty(x => x.GrantedAt, after.GrantedAt);
                }

                // The dashboard's decision time (Features/Dashboard/DecisionWaits): the wait to the first decision.
                if (Dashboard.DecisionWaits.IsDecision(c.Stage))
                {
                    var wait = Dashboard.DecisionWaits.Ticks(db, c.SubmittedAt, c.StageChangedAt);
                    s.SetProperty(x => x.DecisionWaitTicks, x => x.DecisionWaitTicks ?? wait);
                }
            }, ct);
        if (updated == 0)
        {
            return false;
        }

        c.Version = expectedVersion + 1;
        // The read loaded no indicators or reports, so whatever the lists hold now the move added.
        db.Indicators.AddRange(c.Indicators);
        foreach (var report in c.EffectReports)
        {
            report.CaseId = c.Id;
        }

        db.EffectReports.AddRange(c.EffectReports);
        return true;
    }
}
