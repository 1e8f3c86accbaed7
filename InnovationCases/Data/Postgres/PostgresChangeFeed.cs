using System.Collections.Concurrent;
using InnovationCases.Features.Live;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data.Postgres;

/// <summary>
/// Case changes between app instances on one PostgreSQL database: <c>pg_notify</c> inside the
/// change's transaction (PostgreSQL delivers it at commit, and drops it on rollback), received by
/// every instance's <see cref="PostgresChangeListener"/>. It remembers which events this instance
/// has published, so a replay after a lost connection does not publish them again.
/// </summary>
public sealed class PostgresChangeFeed(IDbContextFactory<AppDbContext> factory) : ICaseChangeRelay
{
    public const string Channel = "case_changes";

    // A bound on memory for an instance that never loses its connection; forgetting only costs a
    // duplicate (harmless) reload in a later replay.
    private const int SeenLimit = 50_000;

    private readonly ConcurrentDictionary<long, byte> _seen = new();

    /// <summary>This process's id in every payload it sends.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public async Task SendAsync(AppDbContext db, IReadOnlyList<CaseChange> changes, CancellationToken ct)
    {
        foreach (var c in changes)
        {
            MarkSeen(c.EventId);
            var payload = ChangeMessage.Serialize(InstanceId, c);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
        }
    }

    /// <summary>Records that this instance's pages have had the event; false when they already had it.</summary>
    internal bool MarkSeen(long eventId)
    {
        if (_seen.Count > SeenLimit)
        {
            _seen.Clear();
        }

        return _seen.TryAdd(eventId, 0);
    }

    internal bool WasSeen(long eventId) => _seen.ContainsKey(eventId);

    /// <summary>Forgets events at or below the watermark: a replay never looks at them again.</summary>
    internal void ForgetUpTo(long watermark)
    {
        foreach (var id in _seen.Keys.Where(id => id <= watermark))
        {
            _seen.TryRemove(id, out _);
        }
    }

    /// <summary>The highest event id stored now (0 when none).</summary>
    internal async Task<long> WatermarkAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.CaseEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;
    }

    /// <summary>
    /// The newest event of each case changed after <paramref name="watermark"/> that this instance has
    /// not seen: one reload per changed case is enough for a board card, a dashboard or a list.
    /// </summary>
    internal async Task<IReadOnlyList<CaseChange>> MissedSinceAsync(long watermark, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var after = await db.CaseEvents.AsNoTracking().Where(e => e.Id > watermark)
            .Select(e => new { e.Id, e.CaseId }).ToListAsync(ct);
        var newest = after.Where(e => !WasSeen(e.Id)).GroupBy(e => e.CaseId).Select(g => g.Max(e => e.Id)).ToList();
        return await ReadAsync(db, newest, ct);
    }

    /// <summary>Reads changes by their event ids (a payload too big to carry the change, or a replay).</summary>
    internal async Task<IReadOnlyList<CaseChange>> ReadAsync(IReadOnlyCollection<long> eventIds, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await ReadAsync(db, eventIds, ct);
    }

    private static async Task<IReadOnlyList<CaseChange>> ReadAsync(AppDbContext db, IReadOnlyCollection<long> eventIds, CancellationToken ct)
    {
        if (eventIds.Count == 0)
        {
            return [];
        }

        var events = await db.CaseEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(ct);
        var caseIds = events.Select(e => e.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().AsSplitQuery().Include(c => c.PartnerDepartments).Include(c => c.Assignments)
            .Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return events.Where(e => cases.ContainsKey(e.CaseId)).Select(e => CaseChange.For(cases[e.CaseId], e)).ToList();
    }
}
