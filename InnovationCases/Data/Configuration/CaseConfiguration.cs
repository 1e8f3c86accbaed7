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

        // The board, the grid and the dashboard filter by these.
        b.HasIndex(c => new { c.Stage, c.StageChangedAt });

        // Covering indexes for the two aggregates every board and dashboard computes (column totals
        // per stage, and what each pool has consumed): they read these narrow indexes instead of the
        // wide case rows (B2 in docs/BENCHMARKS.md).
        b.HasIndex(c => new { c.Stage, c.GrantedAmount, c.RequestedAmount });
        b.HasIndex(c => new { c.PoolId, c.Stage, c.GrantedAmount, c.ActualSpend });
        b.HasIndex(c => new { c.LeadDepartmentId, c.Stage });
        b.HasIndex(c => new { c.BudgetYear, c.Stage });
        b.HasIndex(c => c.SubmittedAt);

        // The public key figures (granted per year and theme, and the granted cases behind realised
        // gain and spread) read this narrow index, not the case rows (B8 in docs/BENCHMARKS.md).
        b.HasIndex(c => new { c.BudgetYear, c.Theme, c.GrantedAmount });
    }
}
