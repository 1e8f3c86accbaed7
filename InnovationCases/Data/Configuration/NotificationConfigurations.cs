using InnovationCases.Domain;
using InnovationCases.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnovationCases.Data.Configuration;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(m => m.RecipientUserId).HasMaxLength(450);
        b.Property(m => m.RecipientEmail).HasMaxLength(256);
        b.Property(m => m.CaseNumber).HasMaxLength(20);
        b.Property(m => m.BodyId).HasMaxLength(NotificationBody.IdLength);
        b.Property(m => m.ClaimToken).HasMaxLength(NotificationBody.IdLength);
        b.Property(m => m.Key).HasMaxLength(600);
        b.HasOne(m => m.Body).WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.LastError).HasMaxLength(Limits.NameMax * 5);
        // A reminder or digest exists once per (recipient, kind, case, period), whoever creates it.
        b.HasIndex(m => m.Key).IsUnique();
        // The dispatcher's question: what is due now?
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => new { m.RecipientUserId, m.Status });
        // A user's notifications, newest first (Mine sager, Mine vurderinger).
        b.HasIndex(m => new { m.RecipientUserId, m.Id });
        // The dispatcher reads back what it just claimed.
        b.HasIndex(m => m.ClaimToken);
    }
}

internal sealed class NotificationBodyConfiguration : IEntityTypeConfiguration<NotificationBody>
{
    public void Configure(EntityTypeBuilder<NotificationBody> b)
    {
        b.ToTable("NotificationBodies");
        b.Property(m => m.Id).HasMaxLength(NotificationBody.IdLength);
        b.Property(m => m.Subject).HasMaxLength(MailComposer.SubjectMax);
        b.Property(m => m.LinkPath).HasMaxLength(Limits.NameMax);
    }
}

internal sealed class PendingFanOutConfiguration : IEntityTypeConfiguration<PendingFanOut>
{
    public void Configure(EntityTypeBuilder<PendingFanOut> b)
    {
        b.ToTable("PendingFanOuts");
        b.HasKey(f => f.CaseEventId);
        b.Property(f => f.CaseEventId).ValueGeneratedNever();
        b.Property(f => f.ClaimToken).HasMaxLength(NotificationBody.IdLength);
        b.HasOne(f => f.Event).WithMany().HasForeignKey(f => f.CaseEventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.HasKey(p => new { p.UserId, p.Kind });
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
