using InnovationCases.Data;
using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Support;

/// <summary>Puts a case in a given state directly in the database, for tests of what happens next.</summary>
public static class Arrange
{
    private static int _sequence = 9000;

    public static async Task<InnovationCase> CaseAsync(
        TestApp app,
        Stage stage = Stage.Submitted,
        string leadCode = "MBU",
        bool localFunds = false,
        long requested = 500_000,
        long? recommended = null,
        long? granted = null,
        bool qualifyingAssessment = false,
        bool multiYear = false,
        string[]? partnerCodes = null,
        Action<InnovationCase>? configure = null)
    {
        await using var db = await app.DbAsync();
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code);
        var lead = departments[leadCode];
        var year = await db.BudgetYears.MaxAsync(y => y.Year);
        var pool = await db.Pools.SingleAsync(p => p.Year == year &&
            (localFunds ? p.Kind == PoolKind.LocalFunds && p.DepartmentId == lead.Id : p.Kind == PoolKind.CrossCutting));
        var now = DateTime.UtcNow;
        var c = new InnovationCase
        {
            CaseNumber = CaseNumbers.Format(year, Interlocked.Increment(ref _sequence)),
            Title = "Testprojekt " + _sequence,
            Summary = "Et projekt til test.",
            PoolId = pool.Id,
            BudgetYear = year,
            Theme = Theme.Digitalisation,
            ApplicantType = ApplicantType.Department,
            ApplicantOrganisation = lead.Name,
            ContactName = "Test Person",
            ContactEmail = "test@aarhus.example",
            LeadDepartmentId = lead.Id,
            RequestedAmount = requested,
            PeriodStart = new DateOnly(year, 3, 1),
            PeriodEnd = multiYear ? new DateOnly(year + 1, 6, 30) : new DateOnly(year, 11, 30),
            ExpectedAnnualGain = 250_000,
            FirstGainYear = year + 1,
            GainDescription = "Færre manuelle sagsskridt.",
            Risks = "Leverandøren kan blive forsinket.",
            RiskLevel = RiskLevel.Medium,
            Viability = "Driften betales af gevinsten.",
            EffectPlan = "Vi måler før og efter.",
            Stage = stage,
            StageChangedAt = now,
            SubmittedAt = now,
            RecommendedAmount = recommended ?? (stage >= Stage.Recommended && !stage.IsClosed() ? requested : null),
            GrantedAmount = granted ?? (stage >= Stage.Granted && !stage.IsClosed() ? recommended ?? requested : null),
        };
        foreach (var code in partnerCodes ?? [])
        {
            c.PartnerDepartments.Add(new CasePartnerDepartment { DepartmentId = departments[code].Id });
        }

        if (qualifyingAssessment)
        {
            c.Assessments.Add(new Assessment { AssessorUserId = "x", AssessorName = "Direktør", MainCriterionMet = true, CreatedAt = now });
        }

        configure?.Invoke(c);
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, Kind = CaseEventKind.Created, ToStage = stage, ActorUserId = "test", ActorName = "Test", At = now });
        await db.SaveChangesAsync();
        return c;
    }
}
