namespace InnovationCases.Features.Notifications;

/// <summary>One line of the settings page: a kind and how the user wants it.</summary>
public sealed record NotificationChoice(NotificationKind Kind, NotificationDelivery Delivery);
