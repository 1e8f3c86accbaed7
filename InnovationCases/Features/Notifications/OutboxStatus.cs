namespace InnovationCases.Features.Notifications;

/// <summary>Where an outbox row is on its way to the recipient's inbox.</summary>
public enum OutboxStatus
{
    /// <summary>Waits for the dispatcher (or for its next attempt after a failure).</summary>
    Pending,

    /// <summary>Claimed by a dispatcher until <see cref="OutboxMessage.ClaimedUntil"/>; a claim that runs out is taken again.</summary>
    Sending,

    Sent,

    /// <summary>Failed too often, or refused for good by the mail server: shown to the admin, who may resend it.</summary>
    Parked,

    /// <summary>Waits for the recipient's daily digest.</summary>
    AwaitingDigest,

    /// <summary>Collected into a digest message (<see cref="OutboxMessage.DigestId"/>), which is sent instead.</summary>
    Digested,

    /// <summary>An in-app notification only: its recipient chose "fra" for the kind, or has no e-mail address. Never mailed.</summary>
    InAppOnly,
}
