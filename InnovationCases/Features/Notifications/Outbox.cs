using InnovationCases.Domain;

namespace InnovationCases.Features.Notifications;

/// <summary>How an outbox row starts its life: mailed at once (pending now), kept for the daily digest, or in-app only.</summary>
public static class Outbox
{
    public static OutboxMessage Row(string userId, string? email, NotificationKind kind, InnovationCase? c, NotificationBody body,
        DateTime now, NotificationDelivery delivery, string? key = null) => Row(userId, email, kind, c?.Id, c?.CaseNumber, body, now, delivery, key);

    public static OutboxMessage Row(string userId, string? email, NotificationKind kind, int? caseId, string? caseNumber, NotificationBody body,
        DateTime now, NotificationDelivery delivery, string? key = null) => new()
    {
        RecipientUserId = userId,
        RecipientEmail = email,
        Kind = kind,
        CaseId = caseId,
        CaseNumber = caseNumber,
        BodyId = body.Id,
        Body = body,
        Key = key,
        Status = StatusFor(delivery, email),
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public static OutboxStatus StatusFor(NotificationDelivery delivery, string? email) => delivery switch
    {
        _ when string.IsNullOrEmpty(email) => OutboxStatus.InAppOnly,
        NotificationDelivery.Off => OutboxStatus.InAppOnly,
        NotificationDelivery.DailyDigest => OutboxStatus.AwaitingDigest,
        _ => OutboxStatus.Pending,
    };
}
