using InnovationCases.Domain;
using InnovationCases.Domain.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnovationCases.Data.Configuration;

// After the grant: indicators with their measurements, milestones and payments hang off a case.

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.HasOne<InnovationCase>().WithMany(c => c.Indicators).HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.Name).HasMaxLength(Limits.NameMax);
        b.Property(i => i.Unit).HasMaxLength(Limits.UnitMax);
        b.Ignore(i => i.Latest);
        b.Ignore(i => i.PercentOfWay);
        b.HasIndex(i => i.CaseId);
    }
}

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> b)
    {
        b.HasOne<Indicator>().WithMany(i => i.Measurements).HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.Note).HasMaxLength(Limits.TextMax);
        b.HasIndex(m => new { m.IndicatorId, m.Date });
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b)
    {
        b.HasOne<InnovationCase>().WithMany(c => c.Milestones).HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.Name).HasMaxLength(Limits.NameMax);
        b.Property(m => m.Note).HasMaxLength(Limits.TextMax);
        b.Ignore(m => m.IsDone);
        b.HasIndex(m => new { m.CaseId, m.DoneDate, m.DueDate });
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.HasOne<InnovationCase>().WithMany(c => c.Payments).HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Note).HasMaxLength(Limits.TextMax);
        b.HasIndex(p => p.CaseId);
    }
}
