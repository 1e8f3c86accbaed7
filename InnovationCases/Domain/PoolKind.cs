namespace InnovationCases.Domain;

public enum PoolKind
{
    /// <summary>Tværgående innovationspulje, held by Borgmesterens Afdeling.</summary>
    CrossCutting,

    /// <summary>One department's share of the local innovation funds.</summary>
    LocalFunds,
}
