using System.Globalization;
using InnovationCases.Resources;

namespace InnovationCases.Features.Notifications;

/// <summary>The Danish names of kinds and deliveries, from NotificationText.resx (<c>Kind_*</c>, <c>Delivery_*</c>).</summary>
public static class NotificationLabels
{
    public static string Kind(NotificationKind kind) => Get("Kind_" + kind) ?? kind.ToString();

    public static string Delivery(NotificationDelivery delivery) => Get("Delivery_" + delivery) ?? delivery.ToString();

    private static string? Get(string key) => NotificationText.ResourceManager.GetString(key, CultureInfo.CurrentUICulture);
}
