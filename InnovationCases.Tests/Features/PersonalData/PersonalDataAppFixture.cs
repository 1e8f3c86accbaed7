using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.PersonalData;

/// <summary>An app of its own: the retention tests remove old contacts, which other classes' cases must not see.</summary>
public sealed class PersonalDataAppFixture : IDisposable
{
    public TestApp App { get; } = new(demoData: true);

    public void Dispose() => App.Dispose();
}
