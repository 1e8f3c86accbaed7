namespace InnovationCases.Features.Notifications;

/// <summary>One composed e-mail: subject, plain text and HTML, and its line in a daily digest.</summary>
public sealed record MailContent(string Subject, string Text, string Html, string DigestLine);
