namespace InnovationCases.Features.Notifications;

/// <summary>A parked message as the admin sees it.</summary>
public sealed record ParkedMail(long Id, string Recipient, string Subject, int Attempts, string? LastError, DateTime CreatedAt);
