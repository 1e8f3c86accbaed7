using System.Collections.Concurrent;
using InnovationCases.Data;
using InnovationCases.Data.Postgres;
using InnovationCases.Domain;
using InnovationCases.Features.Board;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Features.Live;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Data.Postgres;

/// <summary>
/// One app instance's write path, live feed and daily run on a shared PostgreSQL database: the app's
/// own pipeline, relay, listener and scheduler, wired as the app wires them, without a web host (the
/// service-level tests run many instances; the browser tests of two instances run two real hosts). It
/// records every change its <see cref="CaseChangeNotifier"/> publishes, as an open page would see them.
/// </summary>
public sealed class PgInstance : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IDisposable _subscription;
    private readonly ConcurrentQueue<CaseChange> _received = new();

    private PgInstance(ServiceProvider services)
    {
        _services = services;
        _subscription = Notifier.Subscribe(change =>
        {
            _received.Enqueue(change);
            return Task.CompletedTask;
        });
    }

    public PostgresChangeFeed Feed => _services.GetRequiredService<PostgresChangeFeed>();
    public CaseChangeNotifier Notifier => _services.GetRequiredService<CaseChangeNotifier>();
    public PostgresChangeListener Listener => _services.GetRequiredService<PostgresChangeListener>();
    public CaseChangePipeline Pipeline => _services.GetRequiredService<CaseChangePipeline>();
    public NotificationScheduler Scheduler => _services.GetRequiredService<NotificationScheduler>();
    public NotificationFanOut FanOut => _services.GetRequiredService<NotificationFanOut>();

    /// <summary>Every change published to this instance's pages so far.</summary>
    public IReadOnlyList<CaseChange> Received => [.. _received];

    public static async Task<PgInstance> StartAsync(string connectionString)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres" }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions();
        services.AddSingleton(TimeProvider.System);
        services.AddPooledDbContextFactory<PostgresAppDbContext>(o => o.UseNpgsql(connectionString));
        services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<PostgresAppDbContext>>();
        services.AddSingleton<DbWriter>();
        services.AddSingleton<CaseChangeNotifier>();
        services.AddCaseChangeRelay(config);
        services.AddSingleton<NotificationPlanner>();
        services.AddSingleton<NotificationFanOut>();
        // Small fan-out passes, so that instances racing for pending changes meet on many batches.
        services.Configure<NotificationOptions>(o => o.FanOutBatchSize = 7);
        services.AddSingleton<CaseChangePipeline>();
        services.AddSingleton<NotificationScheduler>();
        services.Configure<BoardOptions>(_ => { });
        var instance = new PgInstance(services.BuildServiceProvider());
        await instance.Listener.StartAsync(CancellationToken.None);
        await Eventually.WaitAsync(() => instance.Listener.Connections >= 1, "the listener to listen");
        return instance;
    }

    /// <summary>An edit of the case through the app's pipeline (audit event, relay, publish), with <paramref name="note"/> on its event.</summary>
    public Task<bool> EditAsync(int caseId, Actor actor, string? note = null) =>
        Pipeline.RunAsync(async scope =>
        {
            var c = await scope.Db.Cases.Include(x => x.PartnerDepartments).SingleAsync(x => x.Id == caseId, scope.Ct);
            c.Summary += ".";
            var ev = CaseEvent.ForAnnotation(c, CaseEventKind.Edited, actor, scope.Now, new { Summary = c.Summary });
            ev.Note = note;
            scope.Record(c, ev);
            return true;
        }, refused: _ => false);

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await Listener.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
