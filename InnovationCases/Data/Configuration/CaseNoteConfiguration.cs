using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnovationCases.Data.Configuration;

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> b)
    {
        b.HasOne(n => n.Case).WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CaseNote>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(n => n.AuthorUserId).HasMaxLength(450);
        b.Property(n => n.AuthorName).HasMaxLength(Limits.UserNameMax);
        b.Property(n => n.Body).HasMaxLength(Limits.TextMax);
        b.HasIndex(n => n.CaseId);
    }
}
