namespace InnovationCases.Features.Notifications;

/// <summary>An open way to deliver messages, for one batch.</summary>
public interface IMailConnection : IAsyncDisposable
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}
