using InnovationCases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnovationCases.Data.Configuration;

internal sealed class AdoptionConfiguration : IEntityTypeConfiguration<Adoption>
{
    public void Configure(EntityTypeBuilder<Adoption> b)
    {
        b.HasOne<InnovationCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Department).WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Note).HasMaxLength(Limits.TextMax);
        b.Property(a => a.RecordedByName).HasMaxLength(Limits.UserNameMax);
        b.HasIndex(a => new { a.CaseId, a.DepartmentId });
    }
}

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> b)
    {
        b.HasOne<InnovationCase>().WithOne().HasForeignKey<Story>(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.CaseId).IsUnique();
        b.Property(s => s.Title).HasMaxLength(Limits.TitleMax);
        b.Property(s => s.Lead).HasMaxLength(Limits.SummaryMax);
        b.Property(s => s.BodyMarkdown).HasMaxLength(Limits.StoryMax);
        b.Property(s => s.WentWrong).HasMaxLength(Limits.TextMax);
        b.Property(s => s.WrittenByName).HasMaxLength(Limits.UserNameMax);
        // /innovation lists the published stories newest first.
        b.HasIndex(s => new { s.IsPublished, s.PublishedAt });
    }
}

/// <summary>
/// "Byg videre på" is an indexed column without a foreign-key constraint on purpose: on SQLite a new
/// constraint rebuilds the Cases table, which would drop the free-text search triggers on it. Cases
/// are never deleted (their events restrict it), so the link cannot dangle.
/// </summary>
internal sealed class BuildsOnConfiguration : IEntityTypeConfiguration<InnovationCase>
{
    public void Configure(EntityTypeBuilder<InnovationCase> b) => b.HasIndex(c => c.BuildsOnCaseId);
}
