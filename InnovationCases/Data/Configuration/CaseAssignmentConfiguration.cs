using InnovationCases.Domain;
using InnovationCases.Domain.Assignments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnovationCases.Data.Configuration;

internal sealed class CaseAssignmentConfiguration : IEntityTypeConfiguration<CaseAssignment>
{
    public void Configure(EntityTypeBuilder<CaseAssignment> b)
    {
        b.HasOne(a => a.Case).WithMany(c => c.Assignments).HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.UserName).HasMaxLength(Limits.UserNameMax);
        b.Property(a => a.AssignedByUserId).HasMaxLength(450);
        b.Property(a => a.AssignedByName).HasMaxLength(Limits.UserNameMax);
        b.Property(a => a.ConflictReason).HasMaxLength(Limits.TextMax);
        b.Property(a => a.Advice).HasMaxLength(Limits.TextMax);

        // One assignment of a kind per person and case; the visibility rule looks rows up by user.
        b.HasIndex(a => new { a.CaseId, a.UserId, a.Kind }).IsUnique();
        b.HasIndex(a => a.UserId);
    }
}
