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
    //
    // A sequence, not SingleOrDefault: the case number is unique (its index), and SingleOrDefault's
    // LIMIT 2 puts the case in a subquery under the two collection joins, a statement SQLite takes
    // twice as long to prepare (about 100 µs of CPU, the largest single cost of a move's statements;
    // Microsoft.Data.Sqlite prepares every command anew) as the flat join this gives (B1).
    private static readonly ConcurrentDictionary<IModel, Func<AppDbContext, string, IAsyncEnumerable<InnovationCase>>> Loads = new();

    private static Func<AppDbContext, string, IAsyncEnumerable<InnovationCase>> Compile() =>
        EF.CompileAsyncQuery((AppDbContext db, string caseNumber) => db.Cases.AsNoTracking()
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
                DecisionWaitTicks = x.DecisionWaitTicks,
            }));

    /// <summary>The case as the workflow needs it, not tracked; null when there is none.</summary>
    public static async Task<InnovationCase?> LoadAsync(AppDbContext db, string caseNumber, CancellationToken ct)
    {
        await foreach (var c in Loads.GetOrAdd(db.Model, _ => Compile())(db, caseNumber).WithCancellation(ct))
        {
            return c;
        }

        return null;
    }

    /// <summary>
    /// Stores a fired move: the stage, its time, the next version and whichever of the move's own
    /// columns it changed (compared with <paramref name="before"/>), only if the case is still at
    /// <paramref name="expectedVersion"/>; and the rows the move created (the realised-gain indicator,
    /// the final effect report), saved with the change's event. False when the version had moved on.
    /// </summary>
    public static async Task<bool> SaveAsync(AppDbContext db, InnovationCase c, MoveColumns before, int expectedVersion, CancellationToken ct)
    {
        var updated = await MappedSql.UpdateAsync<InnovationCase>(db, SetList(db, c, before, expectedVersion),
            [(nameof(InnovationCase.Id), c.Id), (nameof(InnovationCase.Version), expectedVersion)], ct);
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

    /// <summary>
    /// The one place that says what a move writes to its case row: stage, its time and the next
    /// version always, and each of the move's own columns that firing changed. The UPDATE's text is
    /// built once per list of columns (<see cref="MappedSql"/>).
    /// </summary>
    private static List<(string Property, object? Value)> SetList(AppDbContext db, InnovationCase c, MoveColumns before, int expectedVersion)
    {
        var after = MoveColumns.Of(c);
        var set = new List<(string Property, object? Value)>(5)
        {
            (nameof(InnovationCase.Stage), c.Stage),
            (nameof(InnovationCase.StageChangedAt), c.StageChangedAt),
            (nameof(InnovationCase.Version), expectedVersion + 1),
        };
        void IfChanged<TValue>(string property, TValue was, TValue now)
        {
            if (!EqualityComparer<TValue>.Default.Equals(was, now))
            {
                set.Add((property, now));
            }
        }

        IfChanged(nameof(InnovationCase.RecommendedAmount), before.RecommendedAmount, after.RecommendedAmount);
        IfChanged(nameof(InnovationCase.GrantedAmount), before.GrantedAmount, after.GrantedAmount);
        IfChanged(nameof(InnovationCase.CouncilDecisionDate), before.CouncilDecisionDate, after.CouncilDecisionDate);
        IfChanged(nameof(InnovationCase.CouncilDecisionReference), before.CouncilDecisionReference, after.CouncilDecisionReference);
        IfChanged(nameof(InnovationCase.ImplementationNote), before.ImplementationNote, after.ImplementationNote);
        IfChanged(nameof(InnovationCase.ActualSpend), before.ActualSpend, after.ActualSpend);
        IfChanged(nameof(InnovationCase.GrantedAt), before.GrantedAt, after.GrantedAt);

        // The dashboard's decision time (Features/Dashboard/DecisionWaits): the wait to the first
        // Grant or Reject, written once. The read saw the row at expectedVersion and the UPDATE holds
        // only at that version, so "not yet written" is still true when it is written.
        if (c.DecisionWaitTicks is null && Dashboard.DecisionWaits.IsDecision(c.Stage))
        {
            set.Add((nameof(InnovationCase.DecisionWaitTicks), Dashboard.DecisionWaits.Ticks(db, c.SubmittedAt, c.StageChangedAt)));
        }
        return set;
    }
}
