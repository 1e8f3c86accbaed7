using InnovationCases.Domain;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// The outbox entry a change writes in its own transaction: one small row per event that notifies,
/// keyed by the event. The <see cref="NotificationFanOut"/> expands it after the commit into the
/// per-recipient <see cref="OutboxMessage"/> rows and deletes it in the same transaction, so it is
/// expanded exactly once, also after a restart or with several app instances.
/// </summary>
public sealed class PendingFanOut
{
    public long CaseEventId { get; set; }
    public CaseEvent? Event { get; set; }
}
