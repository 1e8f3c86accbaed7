namespace InnovationCases.Tests.Features.PersonalData;

/// <summary>A clock that always says the same time: the retention's "now" in tests.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
