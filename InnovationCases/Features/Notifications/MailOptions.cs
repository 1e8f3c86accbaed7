namespace InnovationCases.Features.Notifications;

/// <summary><c>Mail:*</c> in configuration: how the dispatcher delivers the outbox.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Off (nothing is sent; rows wait), Pickup (.eml files) or Smtp.</summary>
    public MailMode Mode { get; set; } = MailMode.Off;

    public string PickupDirectory { get; set; } = "App_Data/mail";

    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;

    /// <summary>Upgrade the connection with STARTTLS (required when true); false sends in plain text inside the municipality's network.</summary>
    public bool StartTls { get; set; } = true;

    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    public string From { get; set; } = "innovation@aarhus.example";
    public string FromName { get; set; } = "Innovationspuljen";

    /// <summary>Failed attempts before a message is parked for the admin.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The first retry waits this long; each next one twice as long (30 s, 1 min, 2 min, ...), at most an hour.</summary>
    public int RetrySeconds { get; set; } = 30;

    public int BatchSize { get; set; } = 100;

    /// <summary>How often the dispatcher looks for due messages when it has nothing to do.</summary>
    public int PollMilliseconds { get; set; } = 2000;

    /// <summary>How long a claim holds: a dispatcher that died mid-batch leaves its messages to the next one after this.</summary>
    public int ClaimSeconds { get; set; } = 120;

    /// <summary>The host part of each Message-ID.</summary>
    public string MessageIdHost { get; set; } = "innovationcases.local";
}
