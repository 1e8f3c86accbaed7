namespace InnovationCases.Features.Notifications;

/// <summary>
/// The text of one notification, written once per change and kind and shared by the row of every
/// recipient (<see cref="OutboxMessage.BodyId"/>): the e-mail's subject, plain text and HTML, the
/// in-app lines and the link. Its key is made by the writer, so the rows that point at it can be
/// inserted in the same batch without reading a generated id back.
/// </summary>
public sealed class NotificationBody
{
    public const int IdLength = 32;

    public required string Id { get; set; }
    public required string Subject { get; set; }

    /// <summary>What happened, by whom, and why: the e-mail's lines after the case line, shown in-app under the subject.</summary>
    public required string Detail { get; set; }

    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }

    /// <summary>One line for the daily digest that collects a row with this text.</summary>
    public required string DigestLine { get; set; }

    /// <summary>The page the e-mail links to, relative to the app (<c>cases/INNO-2026-0042</c>): the in-app link is the same.</summary>
    public required string LinkPath { get; set; }

    /// <summary>
    /// Time-ordered (version 7: the first 48 bits are the time), so that new texts, and the outbox rows'
    /// (text, recipient) index, are added at the end of their B-trees instead of at random pages.
    /// </summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");

    /// <summary>
    /// The id of the text of a change's notification of one kind: the same however often the change is
    /// fanned out (<see cref="NotificationFanOut"/>), so a second text, and a second row per recipient,
    /// cannot be stored. Growing with the event, so new texts are still added at the end of the B-tree;
    /// never equal to a <see cref="NewId"/> (a different length).
    /// </summary>
    public static string IdOf(long eventId, NotificationKind kind) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"e{eventId:D19}k{(int)kind:D3}");

    public static NotificationBody From(MailContent content, string? id = null) => new()
    {
        Id = id ?? NewId(),
        Subject = content.Subject,
        Detail = content.Detail,
        TextBody = content.Text,
        HtmlBody = content.Html,
        DigestLine = content.DigestLine,
        LinkPath = content.LinkPath,
    };
}
