namespace InnovationCases.Features.Notifications;

/// <summary>How a user wants one kind of notification: "med det samme", "daglig opsamling" or "fra".</summary>
public enum NotificationDelivery
{
    Immediately,
    DailyDigest,
    Off,
}
