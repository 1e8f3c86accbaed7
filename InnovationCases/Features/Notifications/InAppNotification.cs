namespace InnovationCases.Features.Notifications;

/// <summary>One of the signed-in user's notifications as the app shows it: the e-mail's subject, lines and link.</summary>
public sealed record InAppNotification(long Id, NotificationKind Kind, string? CaseNumber, string Subject, string Detail, string LinkPath, DateTime At, bool IsUnread);
