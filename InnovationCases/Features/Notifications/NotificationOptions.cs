namespace InnovationCases.Features.Notifications;

/// <summary><c>Notifications:*</c> in configuration, and <c>App:PublicBaseUrl</c> for the links in e-mails.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>False writes no notifications at all (the outbox stays empty); for an installation without e-mail.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The address users open the app on, e.g. <c>https://innovation.aarhus.dk</c> (from <c>App:PublicBaseUrl</c>).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>When the daily work runs (reminders, then digests), as a cron expression on Danish time: 07:00 by default.</summary>
    public string DailyCron { get; set; } = "0 7 * * *";
}
