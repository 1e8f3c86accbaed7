using InnovationCases.Domain;
using InnovationCases.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnovationCases.Data.Configuration;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    // Written as ORs of equalities: SQLite uses a partial index only when it can prove the query's
    // condition implies the filter, and it proves "Status = 'Pending'" implies an OR containing it, not
    // an IN list. PostgreSQL proves the same.
    private static readonly string InFlight = string.Join(" OR ",
        new[] { OutboxStatus.Pending, OutboxStatus.Sending, OutboxStatus.AwaitingDigest, OutboxStatus.Parked }.Select(s => $"\"Status\" = '{s}'"));

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
        // Every index is paid for on each of the fan-out's rows (five or more per move, benchmark B9b),
        // so each one is here for a query that uses it, and holds only the rows that query can find.

        // A reminder or digest exists once per (recipient, kind, case, period), whoever creates it.
        // The fan-out's rows have no key (see the next index), so they are not in it.
        b.HasIndex(m => m.Key).IsUnique().HasFilter("\"Key\" IS NOT NULL");
        // A change's text is written once per event and kind and shared by its recipients, so one row per
        // (text, recipient) is one notification per (event, kind, recipient): a second fan-out of the
        // same change cannot be stored. It is also the index the foreign key to the text needs.
        b.HasIndex(m => new { m.BodyId, m.RecipientUserId }).IsUnique();
        // What the dispatcher claims (Pending, Sending), the digest collects (AwaitingDigest) and the
        // admin lists (Parked): rows leave it when they are sent, collected or in-app only.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt }).HasFilter(InFlight);
        // A user's notifications, newest first (Mine sager, Mine vurderinger), their unread count and
        // "mark read": all by recipient, so one index serves them.
        b.HasIndex(m => new { m.RecipientUserId, m.Id });
        // The dispatcher reads back what it just claimed; only claimed rows carry a token.
        b.HasIndex(m => m.ClaimToken).HasFilter("\"ClaimToken\" IS NOT NULL");
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
