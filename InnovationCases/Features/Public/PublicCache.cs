using InnovationCases.Domain;
using InnovationCases.Features.Live;
using Microsoft.AspNetCore.OutputCaching;

namespace InnovationCases.Features.Public;

/// <summary>
/// The public pages and files are served from the output cache, all under one tag. Any committed
/// case change may alter them (a publish, a move or edit of a published project, a new adoption, a
/// grant that changes the key figures), so every change evicts the tag; changes that cannot (a new
/// application, an assessment) are skipped. Between changes every request is a cache hit.
/// </summary>
public sealed class PublicCache(CaseChangeNotifier notifier, IOutputCacheStore store, ILogger<PublicCache> logger) : IHostedService
{
    public const string Policy = "PublicPages";
    public const string Tag = "public";
    private IDisposable? _subscription;

    public static void AddPolicy(OutputCacheOptions o) =>
        o.AddPolicy(Policy, new PublicPagesPolicy());

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = notifier.Subscribe(OnChangeAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task OnChangeAsync(CaseChange change)
    {
        if (change.Kind is CaseEventKind.Created or CaseEventKind.Assessed)
        {
            return;
        }

        try
        {
            await store.EvictByTagAsync(Tag, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The pages expire by themselves; a failed eviction must not fail the change that caused it.
            logger.LogWarning(e, "Could not evict the public pages from the output cache");
        }
    }
}
