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

    /// <summary>Events one fan-out pass expands in one transaction (<see cref="NotificationFanOut"/>).</summary>
    public int FanOutBatchSize { get; set; } = 500;

    /// <summary>
    /// How long the fan-out waits after the first change that woke it, so that one pass takes the
    /// changes of a busy moment together (one recipient query, one INSERT per table, one writer turn).
    /// </summary>
    public int FanOutDelayMilliseconds { get; set; } = 100;

    /// <summary>How often the fan-out looks for rows nothing woke it for (another instance's, or left by a restart).</summary>
    public int FanOutPollMilliseconds { get; set; } = 2000;

    /// <summary>
    /// The nice value on Linux of the thread that plans and inserts the fan-out's rows
    /// (<see cref="Setup.BackgroundThread"/>): 10 by default, so the requests get the cores first and the
    /// fan-out still gets about a tenth of a core the requests keep busy; 0 runs it at their priority.
    /// </summary>
    public int FanOutNice { get; set; } = 10;

    /// <summary>False leaves the pending rows to someone else (tests that look at them; a separate worker).</summary>
    public bool FanOutInBackground { get; set; } = true;
}
