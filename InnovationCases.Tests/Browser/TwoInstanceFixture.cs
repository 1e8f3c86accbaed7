using InnovationCases.Data;
using InnovationCases.Tests.Support;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

/// <summary>
/// Two app instances (real Kestrel hosts) on one PostgreSQL database, as behind a proxy, and one
/// headless Chromium. A migrates and seeds the demo data; B starts on A's database afterwards.
/// </summary>
public sealed class TwoInstanceFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public TestApp A { get; } = new(demoData: true, provider: DatabaseProvider.Postgres);
    public TestApp B { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        DebianPackage.Ensure(BrowserFixture.ChromiumPath, "chromium");
        A.StartKestrel();
        B = new TestApp(demoData: false, provider: DatabaseProvider.Postgres);
        B.Settings["ConnectionStrings:Cases"] = A.PostgresConnectionString;
        B.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) with a page on <paramref name="app"/>.</summary>
    public async Task<IPage> NewPageAsync(TestApp app)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = app.ClientOptions.BaseAddress.ToString(), Locale = "da-DK", ViewportSize = new() { Width = 1600, Height = 1000 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (B is not null)
        {
            await B.DisposeAsync();
        }

        await A.DisposeAsync();
    }
}
