using InnovationCases.Data;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Board;

/// <summary>One app with demo data on a temp SQLite file, shared by the tests of a class.</summary>
public class BoardAppFixture : IDisposable
{
    public BoardAppFixture()
        : this(null)
    {
    }

    /// <summary>For the provider matrix (Data/Postgres/ProviderMatrix.cs).</summary>
    protected BoardAppFixture(DatabaseProvider? provider)
    {
        App = new(demoData: true, provider: provider);
        _ = App.AppServices; // starts the host: migrations and demo data
    }

    public TestApp App { get; }

    public void Dispose() => App.Dispose();
}
