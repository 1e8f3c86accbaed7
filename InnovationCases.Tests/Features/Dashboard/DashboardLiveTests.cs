using InnovationCases.Domain;
using InnovationCases.Features.Dashboard;
using InnovationCases.Features.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace InnovationCases.Tests.Features.Dashboard;

public sealed class DashboardLiveTests(KnownDataSet data) : IClassFixture<KnownDataSet>
{
    private static CaseChange Change(int i) =>
        new(i, $"INNO-2026-{i:0000}", CaseEventKind.Moved, Stage.Submitted, Stage.Screened, 1, "Test", DateTime.UtcNow, new CaseParties(1, []));

    [Fact]
    public async Task A_burst_of_changes_is_recomputed_once_and_every_subscriber_gets_the_same_snapshot()
    {
        var notifier = new CaseChangeNotifier(NullLogger<CaseChangeNotifier>.Instance);
        using var live = new DashboardLive(data.App.AppServices.GetRequiredService<DashboardAggregates>(), notifier, TimeProvider.System, NullLogger<DashboardLive>.Instance)
        {
            Coalesce = TimeSpan.FromMilliseconds(200),
        };
        var first = await live.GetAsync(KnownDataSet.Year);
        Assert.Equal(1, live.Computations);
        var viewerA = new TaskCompletionSource<DashboardSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var viewerB = new TaskCompletionSource<DashboardSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var a = live.Subscribe(async y => viewerA.TrySetResult(await live.GetAsync(y)));
        using var b = live.Subscribe(async y => viewerB.TrySetResult(await live.GetAsync(y)));

        for (var i = 0; i < 10; i++)
        {
            notifier.Publish(Change(i));
        }

        var seenByA = await viewerA.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var seenByB = await viewerB.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, live.Computations);
        Assert.Same(seenByA, seenByB);
        Assert.NotSame(first, seenByA);
    }

    [Fact]
    public async Task A_disposed_subscription_is_not_called_again()
    {
        var notifier = new CaseChangeNotifier(NullLogger<CaseChangeNotifier>.Instance);
        using var live = new DashboardLive(data.App.AppServices.GetRequiredService<DashboardAggregates>(), notifier, TimeProvider.System, NullLogger<DashboardLive>.Instance)
        {
            Coalesce = TimeSpan.FromMilliseconds(10),
        };
        await live.GetAsync(KnownDataSet.Year);
        var calls = 0;
        var other = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = live.Subscribe(_ => { Interlocked.Increment(ref calls); return Task.CompletedTask; });
        using var witness = live.Subscribe(_ => { other.TrySetResult(); return Task.CompletedTask; });
        subscription.Dispose();

        notifier.Publish(Change(1));
        await other.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, calls);
    }
}
