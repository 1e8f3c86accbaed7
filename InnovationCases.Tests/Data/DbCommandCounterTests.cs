using InnovationCases.Data;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Data;

/// <summary>
/// The command counter's measured scope: B3 proves "the same commands per move for 1 and 20 viewers"
/// with it, so it must count the work it wraps and what that work starts, and not what runs beside it.
/// </summary>
public sealed class DbCommandCounterTests
{
    private readonly DbCommandCounter _counter = new();

    [Fact]
    public async Task A_measured_flow_counts_its_own_commands_and_those_it_starts_but_not_work_beside_it()
    {
        var background = new SemaphoreSlim(0);
        var backgroundDone = new SemaphoreSlim(0);
        // A background job started outside the measured flow (as the notification fan-out is), woken
        // by the measured work, and running its commands on its own flow.
        var job = Task.Run(async () =>
        {
            await background.WaitAsync();
            await SelectAsync(3);
            backgroundDone.Release();
        });

        DbCommandCounter.Tally tally;
        using (tally = _counter.Measure())
        {
            await SelectAsync(2);
            background.Release();
            // Started from the measured flow, as a board update is: counted.
            await Task.Run(() => SelectAsync(1));
        }

        await backgroundDone.WaitAsync();
        await job;
        await SelectAsync(4);

        Assert.Equal(3, tally.Count);
        Assert.Equal(10, _counter.Count);
    }

    [Fact]
    public async Task Two_measured_flows_at_once_keep_their_own_counts()
    {
        async Task<long> MeasureAsync(int commands)
        {
            using var tally = _counter.Measure();
            await Task.Yield();
            await SelectAsync(commands);
            return tally.Count;
        }

        var counts = await Task.WhenAll(MeasureAsync(2), MeasureAsync(5));

        Assert.Equal([2, 5], counts);
    }

    private async Task SelectAsync(int times)
    {
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").AddInterceptors(_counter).Options);
        for (var i = 0; i < times; i++)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1");
        }
    }
}
