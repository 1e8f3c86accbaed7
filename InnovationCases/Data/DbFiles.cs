namespace InnovationCases.Data;

/// <summary>
/// Which of the SQLite files a write changes (<see cref="NotificationsFile"/>): <see cref="DbWriter"/>
/// queues it behind the writers of those files only. On PostgreSQL there is one database and no queue.
/// </summary>
[Flags]
public enum DbFiles
{
    /// <summary>Everything but the notifications: cases, events, users, pools, audit.</summary>
    Cases = 1,

    /// <summary>The notifications' rows and texts (<c>Outbox</c>, <c>NotificationBodies</c>).</summary>
    Notifications = 2,

    Both = Cases | Notifications,
}
