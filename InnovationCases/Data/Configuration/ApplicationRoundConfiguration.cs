using InnovationCases.Domain;
using InnovationCases.Domain.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnovationCases.Data.Configuration;

internal sealed class ApplicationRoundConfiguration : IEntityTypeConfiguration<ApplicationRound>
{
    public void Configure(EntityTypeBuilder<ApplicationRound> b)
    {
        b.Property(r => r.Name).HasMaxLength(Limits.NameMax);
        b.Property(r => r.CreatedByUserId).HasMaxLength(450);
        b.HasIndex(r => r.OpensOn);
    }
}

/// <summary>
/// A case's round is a plain indexed column, not a foreign key: adding a foreign key to an existing
/// SQLite table makes EF rebuild the table, which drops the full-text search triggers on Cases.
/// Rounds are never deleted, so the reference cannot dangle.
/// </summary>
internal sealed class CaseRoundConfiguration : IEntityTypeConfiguration<InnovationCase>
{
    public void Configure(EntityTypeBuilder<InnovationCase> b) => b.HasIndex(c => c.RoundId);
}
