namespace InnovationCases.Features.Notifications;

/// <summary>A composed notification: the e-mail (subject, text, HTML), its in-app lines, its digest line and the page it links to.</summary>
public sealed record MailContent(string Subject, string Text, string Html, string DigestLine, string Detail, string LinkPath);
