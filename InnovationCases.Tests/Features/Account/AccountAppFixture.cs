using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Account;

/// <summary>One app with demo data shared by the tests of a class (starting one seeds 60 cases).</summary>
public sealed class AccountAppFixture : IDisposable
{
    public TestApp App { get; } = new(demoData: true);

    public void Dispose() => App.Dispose();
}
