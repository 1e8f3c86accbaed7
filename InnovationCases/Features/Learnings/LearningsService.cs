using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Learnings;

/// <summary>
/// The knowledge bank: the final effect reports of evaluated and stopped cases the actor may see,
/// searchable by text (title, lessons, effects), theme and department (lead or partner).
/// </summary>
public sealed class LearningsService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int Limit = 200;
    public const int TextMax = 200;

    public async Task<IReadOnlyList<Learning>> SearchAsync(string? text, Theme? theme, int? departmentId, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = db.Cases.ListedFor(actor).Where(c => c.Stage == Stage.Evaluated || c.Stage == Stage.Stopped);
        if (theme is { } t)
        {
            cases = cases.Where(c => c.Theme == t);
        }

        if (departmentId is { } d)
        {
            cases = cases.Where(c => c.LeadDepartmentId == d || c.PartnerDepartments.Any(p => p.DepartmentId == d));
        }

        var q = db.EffectReports.Where(r => r.IsFinal)
            .Join(cases, r => r.CaseId, c => c.Id, (r, c) => new { r, c });
        var s = text?.Trim();
        if (!string.IsNullOrEmpty(s))
        {
            s = s.Length > TextMax ? s[..TextMax] : s;
            var pattern = "%" + s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            q = q.Where(x => EF.Functions.Like(x.c.Title, pattern, "\\")
                || EF.Functions.Like(x.c.CaseNumber, pattern, "\\")
                || EF.Functions.Like(x.r.LessonsLearned, pattern, "\\")
                || EF.Functions.Like(x.r.Narrative, pattern, "\\"));
        }

        return await q
            .OrderByDescending(x => x.r.CreatedAt)
            .Take(Limit)
            .Select(x => new Learning(
                x.c.CaseNumber, x.c.Title, x.c.Stage, x.c.Theme, x.c.LeadDepartment!.Name, x.r.LessonsLearned, x.r.Narrative,
                x.c.ExpectedAnnualGain, x.r.RealisedAnnualGain, x.r.LivesOn, x.r.CreatedAt))
            .ToListAsync(ct);
    }
}
