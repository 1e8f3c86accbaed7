namespace InnovationCases.Features.Notifications;

/// <summary>
/// One e-mail to one person, written in the same transaction as the change that causes it and sent
/// afterwards by the <see cref="OutboxDispatcher"/>. The text is composed when the row is written,
/// from what the recipient may see then, so the dispatcher only delivers.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string RecipientUserId { get; set; }
    public required string RecipientEmail { get; set; }
    public NotificationKind Kind { get; set; }
    public int? CaseId { get; set; }
    public string? CaseNumber { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }

    /// <summary>One line for the daily digest that collects this row.</summary>
    public required string DigestLine { get; set; }

    /// <summary>
    /// (recipient, kind, case, period) for reminders and digests: a unique index makes a second
    /// scheduler run (or a second instance) create nothing. Null for notifications of a change.
    /// </summary>
    public string? Key { get; set; }

    public OutboxStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The digest message this row was collected into.</summary>
    public long? DigestId { get; set; }

    /// <summary>The stable Message-ID: a resend after a crash carries the same one, so mail systems can drop the copy.</summary>
    public string MessageId(string host) => $"outbox-{Id}@{host}";

    public static string ReminderKey(string recipientUserId, NotificationKind kind, int? caseId, DateOnly period) =>
        $"{recipientUserId}|{kind}|{caseId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}|{period:yyyy-MM-dd}";
}
