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
        b.HasMany<InnovationCase>().WithOne().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.SetNull);
    }
}
