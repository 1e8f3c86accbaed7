using InnovationCases.Features.Live;

namespace InnovationCases.Data;

/// <summary>SQLite: one file, one instance; the in-process feed reaches every open page, so there is nothing to relay.</summary>
public sealed class LocalCaseChangeRelay : ICaseChangeRelay
{
    public Task SendAsync(AppDbContext db, IReadOnlyList<CaseChange> changes, CancellationToken ct) => Task.CompletedTask;
}
