using InnovationCases.Domain;

namespace InnovationCases.Features.Notifications;

/// <summary>How an outbox row starts its life: at once (pending now) or kept for the recipient's daily digest.</summary>
public static class Outbox
{
    public static OutboxMessage Row(string userId, string email, NotificationKind kind, InnovationCase? c, MailContent content,
        DateTime now, NotificationDelivery delivery, string? key = null) => new()
    {
        RecipientUserId = userId,
        RecipientEmail = email,
        Kind = kind,
        CaseId = c?.Id,
        CaseNumber = c?.CaseNumber,
        Subject = content.Subject,
        TextBody = content.Text,
        HtmlBody = content.Html,
        DigestLine = content.DigestLine,
        Key = key,
        Status = delivery == NotificationDelivery.DailyDigest ? OutboxStatus.AwaitingDigest : OutboxStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}
