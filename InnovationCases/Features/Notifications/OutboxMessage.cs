namespace InnovationCases.Features.Notifications;

/// <summary>
/// One notification to one person: the in-app notification (Mine sager, Mine vurderinger) and, by
/// the person's choice, its e-mail. Written in the same transaction as the change that causes it;
/// the <see cref="OutboxDispatcher"/> delivers the e-mail afterwards. The text (<see cref="Body"/>)
/// is composed when the row is written, from what every recipient of it may see then, and shared
/// by all recipients of the same change and kind.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string RecipientUserId { get; set; }

    /// <summary>Null for a recipient without an e-mail address: the row is then in-app only.</summary>
    public string? RecipientEmail { get; set; }

    public NotificationKind Kind { get; set; }
    public int? CaseId { get; set; }
    public string? CaseNumber { get; set; }
    public required string BodyId { get; set; }
    public NotificationBody? Body { get; set; }

    /// <summary>
    /// (recipient, kind, case, period) for reminders and digests: a unique index makes a second
    /// scheduler run (or a second instance) create nothing. Null on the notifications of a change:
    /// their text is one per event and kind, and (<see cref="BodyId"/>, recipient) is unique.
    /// </summary>
    public string? Key { get; set; }

    public OutboxStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>The claim that holds the row while <see cref="OutboxStatus.Sending"/>: only the dispatcher holding it marks the row.</summary>
    public string? ClaimToken { get; set; }

    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>When the recipient marked it read in the app; null while unread.</summary>
    public DateTime? ReadAt { get; set; }

    /// <summary>The digest message this row was collected into.</summary>
    public long? DigestId { get; set; }

    /// <summary>The stable Message-ID: a resend after a crash carries the same one, so mail systems can drop the copy.</summary>
    public string MessageId(string host) => $"outbox-{Id}@{host}";

    public static string ReminderKey(string recipientUserId, NotificationKind kind, int? caseId, DateOnly period) =>
        $"{recipientUserId}|{kind}|{caseId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}|{period:yyyy-MM-dd}";
}
