using InnovationCases.Setup;

namespace InnovationCases.Tests.Setup;

/// <summary>
/// The fan-out's CPU work runs on a thread of its own at a lower CPU priority (benchmark B9b), and the
/// caller continues at the requests' priority: the lowered thread hands its results over instead of
/// queuing the caller's continuation itself, so no thread the pool creates inherits its priority. The
/// nice values are read back from the kernel (<c>/proc/thread-self/stat</c>).
/// </summary>
public sealed class BackgroundThreadTests
{
    [Fact]
    public async Task The_work_runs_at_the_asked_nice_value_and_the_caller_continues_at_the_requests_priority_on_another_thread()
    {
        Assert.True(OperatingSystem.IsLinux(), "The app is deployed on Linux; this reads Linux's /proc.");
        using var thread = new BackgroundThread("test job", 10);

        var first = await thread.RunAsync(() => (Environment.CurrentManagedThreadId, Nice()));
        Assert.Equal(0, Nice());
        var second = await thread.RunAsync(() => (Environment.CurrentManagedThreadId, Nice()));

        Assert.Equal(10, first.Item2);
        Assert.Equal(10, second.Item2);
        Assert.Equal(first.Item1, second.Item1);
        Assert.NotEqual(first.Item1, Environment.CurrentManagedThreadId);
        Assert.Equal(0, Nice());
    }

    [Fact]
    public async Task The_threads_the_pool_has_after_many_runs_are_at_the_requests_priority()
    {
        using var thread = new BackgroundThread("test job", 10);
        var lowered = await thread.RunAsync(() => Environment.CurrentManagedThreadId);
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            await thread.RunAsync(() => i);
            await Task.Yield();
        })));

        // The pool's workers (other tests run beside this one, with lowered threads of their own).
        var workers = ThreadNices().Where(n => n.Name.StartsWith(".NET TP Worker", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(workers);
        Assert.All(workers, n => Assert.Equal(0, n.Nice));
        Assert.True(lowered > 0);
    }

    [Fact]
    public async Task Nice_zero_leaves_the_thread_at_the_requests_priority_and_a_failing_work_fails_its_task()
    {
        using var thread = new BackgroundThread("test job", 0);
        Assert.Equal(0, await thread.RunAsync(Nice));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => thread.RunAsync<int>(() => throw new InvalidOperationException("bad pass")));
        Assert.Equal("bad pass", e.Message);
        // The thread goes on after a failure.
        Assert.Equal(42, await thread.RunAsync(() => 42));
    }

    // Field 19 of /proc/<pid>/task/<tid>/stat is the nice value; the name in parentheses may hold spaces.
    private static int Nice() => NiceOf(File.ReadAllText("/proc/thread-self/stat"));

    private static int NiceOf(string stat) =>
        int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);

    private static List<(string Name, int Nice)> ThreadNices()
    {
        var result = new List<(string, int)>();
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                result.Add((File.ReadAllText(Path.Combine(task, "comm")).Trim(), NiceOf(File.ReadAllText(Path.Combine(task, "stat")))));
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }

        return result;
    }
}
