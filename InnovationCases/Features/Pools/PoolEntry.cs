using InnovationCases.Domain;

namespace InnovationCases.Features.Pools;

/// <summary>One case behind a pool's figures: what it consumes (granted) or has been recommended (committed).</summary>
public sealed record PoolEntry(int PoolId, string CaseNumber, string Title, Stage Stage, long Granted, long Committed, long Paid = 0);
