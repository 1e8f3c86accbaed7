using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Admin;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnovationCases.Features.PersonalData;

/// <summary>
/// Removes the contact person from every case closed longer ago than
/// <see cref="PersonalDataOptions.RetentionYears"/>. Closed = not active (evaluated, rejected,
/// withdrawn, stopped); when it closed = its last stage change. Idempotent: a case already emptied
/// is not touched again, so a run that finds nothing writes nothing.
/// </summary>
public sealed class PersonalDataRetention(CaseChangePipeline pipeline, IOptions<PersonalDataOptions> options, TimeProvider clock)
{
    /// <summary>The retention job's actor in timelines and the audit log.</summary>
    public static readonly Actor SystemActor = new(AdminAudit.SystemActorId, PersonalDataText.SystemActorName, Role.Admin, null);

    private static readonly Stage[] ClosedStages = Enum.GetValues<Stage>().Where(s => !s.IsActive()).ToArray();

    /// <summary>Runs one pass; returns how many cases lost their contact data (0 also when the database refused the write).</summary>
    public Task<int> RunAsync(CancellationToken ct = default)
    {
        var years = Math.Max(0, options.Value.RetentionYears);
        // The cut-off comes from this class's clock (a test's fixed "now"); the events carry the pipeline's time.
        var cutoff = clock.GetUtcNow().UtcDateTime.AddYears(-years);
        return pipeline.RunAsync(async scope =>
        {
            var cases = await scope.Db.Cases
                .Where(c => ClosedStages.Contains(c.Stage) && c.StageChangedAt <= cutoff
                    && (c.ContactName != "" || c.ContactEmail != "" || c.ContactPhone != ""))
                .OrderBy(c => c.CaseNumber)
                .ToListAsync(scope.Ct);
            if (cases.Count == 0)
            {
                return 0;
            }

            var reason = string.Format(PersonalDataText.Event_Retention, years);
            foreach (var c in cases)
            {
                ContactData.Remove(scope, c, SystemActor, reason);
            }

            AdminAudit.Add(scope.Db, scope.Now, SystemActor, AuditEntity.PersonalData,
                string.Format(PersonalDataText.Audit_RetentionKey, years),
                string.Format(PersonalDataText.Audit_Retention, cases.Count, string.Join(", ", cases.Select(c => c.CaseNumber))));
            return cases.Count;
        }, refused: _ => 0, ct);
    }
}
