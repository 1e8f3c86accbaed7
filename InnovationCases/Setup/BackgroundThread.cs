using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace InnovationCases.Setup;

/// <summary>
/// A thread of its own, at a lower CPU priority than the request threads, for the synchronous,
/// CPU-heavy part of a background job (the notification fan-out's planning and inserting): that work
/// then takes the cores only where the requests leave them free. A move's path wants more than one core
/// at moments, and a job at the same priority on the other core takes them: benchmark B9b measured a
/// busy thread at normal priority slowing one writer's moves by a quarter or more and one at nice 19 by
/// almost nothing (docs/BENCHMARKS.md, session 11).
/// </summary>
/// <remarks>
/// On Linux a thread's nice value is inherited by every thread it creates, and the thread pool creates
/// a worker on the thread that queues work when it needs one: a lowered thread that queued work could
/// leave the pool with a lowered worker for good (a process cannot raise it again). So the lowered
/// thread only runs the synchronous work it is handed and queues nothing: it hands each result to a
/// second thread of its own at normal priority, woken without the pool, which completes the caller's
/// task (its continuations run on the pool). The work must not start tasks or queue work itself; an
/// <c>await</c> inside it that does not complete at once (none on SQLite) continues on the pool.
/// On Linux, .NET ignores <see cref="Thread.Priority"/> (the default scheduler has no priorities), so the
/// thread raises its own nice value (<c>setpriority</c> on its thread id; any process may lower its own
/// threads' priority); elsewhere <see cref="ThreadPriority.BelowNormal"/> does it.
/// </remarks>
public sealed class BackgroundThread : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly BlockingCollection<Action> _done = [];

    /// <param name="name">The threads' name (seen in a debugger and in <c>top -H</c>).</param>
    /// <param name="nice">The Linux nice value, 0 (as the requests) to 19 (only idle cores).</param>
    public BackgroundThread(string name, int nice)
    {
        new Thread(() => Work(nice)) { Name = name, IsBackground = true }.Start();
        new Thread(Complete) { Name = name + " (results)", IsBackground = true }.Start();
    }

    /// <summary>Runs <paramref name="work"/> on the lowered thread; the returned task completes on the pool.</summary>
    public Task<T> RunAsync<T>(Func<T> work)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            Action complete;
            try
            {
                var value = work();
                complete = () => result.SetResult(value);
            }
            catch (Exception e)
            {
                complete = () => result.SetException(e);
            }

            _done.Add(complete);
        });
        return result.Task;
    }

    private void Work(int nice)
    {
        Lower(nice);
        foreach (var item in _work.GetConsumingEnumerable())
        {
            item();
        }

        _done.CompleteAdding();
    }

    private void Complete()
    {
        foreach (var complete in _done.GetConsumingEnumerable())
        {
            complete();
        }
    }

    // A refusal by the operating system leaves the thread at the requests' priority: slower moves, nothing lost.
    private static void Lower(int nice)
    {
        if (nice <= 0)
        {
            return;
        }

        if (OperatingSystem.IsLinux())
        {
            _ = setpriority(PrioProcess, gettid(), Math.Min(nice, 19));
            return;
        }

        Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
    }

    /// <summary>Lets the threads finish what they were handed, then end.</summary>
    public void Dispose() => _work.CompleteAdding();

    private const int PrioProcess = 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc")]
    private static extern int gettid();
}
