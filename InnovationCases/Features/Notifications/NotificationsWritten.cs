namespace InnovationCases.Features.Notifications;

/// <summary>
/// A fan-out run has committed: the users it wrote notifications for (empty when it found the work
/// done, e.g. by another instance), and when it started (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>):
/// a run that started after a change was published has seen that change's rows committed.
/// </summary>
public sealed record NotificationsWritten(IReadOnlySet<string> Recipients, long StartedAt);
