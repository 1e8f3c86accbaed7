namespace InnovationCases.Features.Notifications;

/// <summary>A page of the user's notifications, newest first, with how many there are and how many are unread.</summary>
public sealed record NotificationPage(IReadOnlyList<InAppNotification> Items, int Total, int Unread, int PageIndex, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
