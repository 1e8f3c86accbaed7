using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnovationCases.Data.Configuration;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<InnovationCase>
{
    public void Configure(EntityTypeBuilder<InnovationCase> b)
    {
        b.ToTable("Cases");
        b.HasIndex(c => c.CaseNumber).IsUnique();
        b.Property(c => c.CaseNumber).HasMaxLength(20);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Title).HasMaxLength(Limits.TitleMax);
        b.Property(c => c.Summary).HasMaxLength(Limits.SummaryMax);
        b.Property(c => c.Description).HasMaxLength(Limits.DescriptionMax);
        b.HasOne(c => c.Pool).WithMany().HasForeignKey(c => c.PoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.LeadDepartment).WithMany().HasForeignKey(c => c.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.PartnerDepartments).WithOne().HasForeignKey(p => p.CaseId);
        b.HasMany(c => c.ExternalPartners).WithOne().HasForeignKey("CaseId");
        b.HasMany(c => c.Assessments).WithOne().HasForeignKey(a => a.CaseId);
        b.HasMany(c => c.EffectReports).WithOne().HasForeignKey(r => r.CaseId);
        b.Ignore(c => c.PaybackYears);
        b.Ignore(c => c.CoFinancingShare);
        b.Ignore(c => c.IsMultiYear);
        b.Ignore(c => c.DepartmentCount);
        b.Ignore(c => c.ConsumedAmount);

        // The board, the grid and the dashboard filter by these. The number and title make it cover
        // the dashboard's list of stalled cases (B5), which otherwise reads a wide row per case.
        b.HasIndex(c => new { c.Stage, c.StageChangedAt, c.CaseNumber, c.Title }, "IX_Cases_Stage_StageChangedAt_Listed");

        // Covering indexes for the two aggregates every board and dashboard computes (column totals
        // per stage, and what each pool has consumed): they read these narrow indexes instead of the
        // wide case rows (B2 in docs/BENCHMARKS.md).
        b.HasIndex(c => new { c.Stage, c.GrantedAmount, c.RequestedAmount });
        // The recommended amount makes it cover the pool ledger's committed sum too (B5).
        b.HasIndex(c => new { c.PoolId, c.Stage, c.GrantedAmount, c.ActualSpend, c.RecommendedAmount }, "IX_Cases_PoolLedger");
        b.HasIndex(c => new { c.LeadDepartmentId, c.Stage });
        // Covers the dashboard's year figures (applications, evaluated gain, granted per theme and
        // department), which read it instead of the case rows (B5).
        b.HasIndex(c => new { c.BudgetYear, c.Stage, c.Theme, c.LeadDepartmentId, c.GrantedAmount, c.ActualSpend, c.ExpectedAnnualGain }, "IX_Cases_YearFigures");
        b.HasIndex(c => c.SubmittedAt);
        // The dashboard's decision time reads the year's waits in order from here (the median is a
        // walk to the middle); only decided cases are in it, and only a Grant or Reject writes it.
        b.HasIndex(c => new { c.BudgetYear, c.DecisionWaitTicks }, "IX_Cases_DecisionWait")
            .HasFilter("\"DecisionWaitTicks\" IS NOT NULL");

        // The public key figures (granted per year and theme, and the granted cases behind realised
        // gain and spread) read this narrow index, not the case rows (B8 in docs/BENCHMARKS.md).
        b.HasIndex(c => new { c.BudgetYear, c.Theme, c.GrantedAmount });
    }
}
