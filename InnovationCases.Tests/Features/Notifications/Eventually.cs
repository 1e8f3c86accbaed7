namespace InnovationCases.Tests.Features.Notifications;

/// <summary>Waits for a condition the background dispatcher brings about, checking every 50 ms, failing after a generous timeout.</summary>
public static class Eventually
{
    public static async Task WaitAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail("Timed out waiting for: " + what);
            }

            await Task.Delay(50);
        }
    }

    public static Task WaitAsync(Func<bool> condition, string what, int seconds = 30) =>
        WaitAsync(() => Task.FromResult(condition()), what, seconds);
}
