using InnovationCases.Data;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// Inserts a fan-out pass's notification texts and rows through one prepared plain-SQL INSERT per
/// table and pass, run once per row (<see cref="PreparedInsert"/>), inside the pass's transaction. EF
/// Core's SaveChanges would compile and bind more per row, and one statement per table with hundreds of
/// parameters costs quadratically in their number (benchmark B9b). Column names and conversions come from the
/// EF model, so the statements follow the mapping on both providers. The rows are not tracked:
/// nothing reads them back. A text or row already stored (the same change fanned out again) is skipped:
/// the texts' key and the rows' unique (text, recipient) decide.
/// </summary>
public static class OutboxBatch
{
    private static readonly string[] BodyColumns =
    [
        nameof(NotificationBody.Id), nameof(NotificationBody.Subject), nameof(NotificationBody.Detail), nameof(NotificationBody.TextBody),
        nameof(NotificationBody.HtmlBody), nameof(NotificationBody.DigestLine), nameof(NotificationBody.LinkPath),
    ];

    // A new row has not been claimed, tried, sent, read or collected: those columns start empty (NULL),
    // and leaving them out of the statement saves a third of its parameters.
    private static readonly string[] RowColumns =
    [
        nameof(OutboxMessage.RecipientUserId), nameof(OutboxMessage.RecipientEmail), nameof(OutboxMessage.Kind), nameof(OutboxMessage.CaseId),
        nameof(OutboxMessage.CaseNumber), nameof(OutboxMessage.BodyId), nameof(OutboxMessage.Key), nameof(OutboxMessage.Status),
        nameof(OutboxMessage.CreatedAt), nameof(OutboxMessage.Attempts), nameof(OutboxMessage.NextAttemptAt),
    ];

    public static async Task InsertAsync(AppDbContext db, IReadOnlyList<NotificationBody> bodies, IReadOnlyList<OutboxMessage> rows, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            if (row.ClaimToken is not null || row.ClaimedUntil is not null || row.SentAt is not null || row.LastError is not null || row.ReadAt is not null
                || row.DigestId is not null)
            {
                throw new ArgumentException("Only new outbox rows are inserted in a batch.", nameof(rows));
            }
        }

        await PreparedInsert.InsertManyAsync(db, BodyColumns, bodies, ct, skipExisting: true);
        await PreparedInsert.InsertManyAsync(db, RowColumns, rows, ct, skipExisting: true);
    }
}
