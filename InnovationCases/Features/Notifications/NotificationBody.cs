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

    public static NotificationBody From(MailContent content) => new()
    {
        Id = NewId(),
        Subject = content.Subject,
        Detail = content.Detail,
        TextBody = content.Text,
        HtmlBody = content.Html,
        DigestLine = content.DigestLine,
        LinkPath = content.LinkPath,
    };
}
