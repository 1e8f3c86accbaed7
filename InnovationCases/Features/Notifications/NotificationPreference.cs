namespace InnovationCases.Features.Notifications;

/// <summary>A user's choice for one kind; a kind without a row uses the role's default (<see cref="NotificationDefaults"/>).</summary>
public sealed class NotificationPreference
{
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public NotificationDelivery Delivery { get; set; }
}
