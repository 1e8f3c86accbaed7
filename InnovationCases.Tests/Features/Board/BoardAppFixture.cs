using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Board;

/// <summary>One app with demo data on a temp SQLite file, shared by the tests of a class.</summary>
public sealed class BoardAppFixture : IDisposable
{
    public BoardAppFixture()
    {
        _ = App.AppServices; // starts the host: migrations and demo data
    }

    public TestApp App { get; } = new(demoData: true);

    public void Dispose() => App.Dispose();
}
