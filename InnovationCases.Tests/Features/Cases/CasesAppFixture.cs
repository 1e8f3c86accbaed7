using InnovationCases.Data;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Cases;

/// <summary>One app with demo data per test class; tests create their own cases.</summary>
public class CasesAppFixture : IDisposable
{
    public CasesAppFixture()
        : this(null)
    {
    }

    /// <summary>For the provider matrix (Data/Postgres/ProviderMatrix.cs).</summary>
    protected CasesAppFixture(DatabaseProvider? provider) => App = new(provider: provider);

    public TestApp App { get; }

    public void Dispose() => App.Dispose();
}
