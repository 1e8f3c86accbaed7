using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnovationCases.Data.Configuration;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.Code).HasMaxLength(10);
        b.HasIndex(d => d.Code).IsUnique();
    }
}

internal sealed class BudgetYearConfiguration : IEntityTypeConfiguration<BudgetYear>
{
    public void Configure(EntityTypeBuilder<BudgetYear> b)
    {
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.HasMany(y => y.Pools).WithOne().HasForeignKey(p => p.Year);
    }
}

internal sealed class PoolConfiguration : IEntityTypeConfiguration<Pool>
{
    public void Configure(EntityTypeBuilder<Pool> b)
    {
        b.HasOne(p => p.Department).WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.Year, p.Kind, p.DepartmentId }).IsUnique();
    }
}

internal sealed class PartnerDepartmentConfiguration : IEntityTypeConfiguration<CasePartnerDepartment>
{
    public void Configure(EntityTypeBuilder<CasePartnerDepartment> b)
    {
        b.HasKey(p => new { p.CaseId, p.DepartmentId });
        b.HasIndex(p => new { p.DepartmentId, p.CaseId });
        b.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExternalPartnerConfiguration : IEntityTypeConfiguration<ExternalPartner>
{
    public void Configure(EntityTypeBuilder<ExternalPartner> b) => b.Property(p => p.Name).HasMaxLength(Limits.NameMax);
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.OwnsMany(a => a.Scores, s =>
        {
            s.ToTable("AssessmentScores");
            s.WithOwner().HasForeignKey("AssessmentId");
            s.HasKey("AssessmentId", nameof(CriterionScore.Criterion));
        });
        b.Ignore(a => a.AverageScore);
        b.HasIndex(a => new { a.CaseId, a.AssessorUserId });
    }
}

internal sealed class EffectReportConfiguration : IEntityTypeConfiguration<EffectReport>
{
    public void Configure(EntityTypeBuilder<EffectReport> b)
    {
        b.HasIndex(r => new { r.CaseId, r.Year });
        // Covers the realised gain of the public key figures: a probe per granted case, no report row read (B8).
        b.HasIndex(r => new { r.CaseId, r.IsFinal, r.RealisedAnnualGain });
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.HasOne<InnovationCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.CaseId, e.Id });
        b.HasIndex(e => e.At);
        // The decisions (Grant and Reject moves) behind the dashboard's decision time: a small partial
        // index that covers the query, instead of a scan of every event (B5). Same SQL on both providers.
        b.HasIndex(e => new { e.CaseId, e.At, e.Kind, e.Trigger }, "IX_CaseEvents_Decisions")
            .HasFilter("\"Kind\" = 'Moved' AND \"Trigger\" IN ('Grant', 'Reject')");
    }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> b)
    {
        b.HasKey(c => c.Year);
        b.Property(c => c.Year).ValueGeneratedNever();
    }
}

internal sealed class DraftConfiguration : IEntityTypeConfiguration<ApplicationDraft>
{
    public void Configure(EntityTypeBuilder<ApplicationDraft> b) => b.HasIndex(d => d.OwnerUserId);
}

internal sealed class TextDraftConfiguration : IEntityTypeConfiguration<TextDraft>
{
    public void Configure(EntityTypeBuilder<TextDraft> b)
    {
        b.Property(d => d.CaseNumber).HasMaxLength(TextDraftLimits.KeyMax);
        b.Property(d => d.FormKind).HasMaxLength(TextDraftLimits.KeyMax);
        b.HasIndex(d => new { d.OwnerUserId, d.CaseNumber, d.FormKind }).IsUnique();
    }
}

internal sealed class AdminAuditConfiguration : IEntityTypeConfiguration<AdminAuditEntry>
{
    public void Configure(EntityTypeBuilder<AdminAuditEntry> b) => b.HasIndex(a => a.At);
}
