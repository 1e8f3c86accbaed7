using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Cases;

/// <summary>One app with demo data per test class; tests create their own cases.</summary>
public sealed class CasesAppFixture : IDisposable
{
    public TestApp App { get; } = new();

    public void Dispose() => App.Dispose();
}
