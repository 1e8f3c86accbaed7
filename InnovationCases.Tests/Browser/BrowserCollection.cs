namespace InnovationCases.Tests.Browser;

/// <summary>Browser tests share one app and one Chromium and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
