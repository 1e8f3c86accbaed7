using InnovationCases.Features.StageStats;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnovationCases.Data.Configuration;

internal sealed class StageDayConfiguration : IEntityTypeConfiguration<StageDay>
{
    public void Configure(EntityTypeBuilder<StageDay> b)
    {
        // Day first: a move updates one day's rows, and the dashboard reads ranges of days.
        b.HasKey(d => new { d.Day, d.Stage });
    }
}

internal sealed class PendingStageDayConfiguration : IEntityTypeConfiguration<PendingStageDay>
{
    // No index but the key: moves only append, the fold takes them all, the dashboard sums them all.
    public void Configure(EntityTypeBuilder<PendingStageDay> b) => b.HasKey(d => d.Id);
}
