using InnovationCases.Tests.Support;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

/// <summary>
/// One app on real Kestrel with a file database and demo data, and one headless Debian Chromium,
/// shared by the browser tests of a collection. A missing Chromium is installed when the tests run
/// as root on Debian (<see cref="DebianPackage"/>); elsewhere the tests fail with the command to
/// run: they are never skipped.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public TestApp App { get; } = new(demoData: true);
    public Uri BaseAddress { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (path is null)
        {
            path = ChromiumPath;
            DebianPackage.Ensure(path, "chromium");
        }
        else if (!File.Exists(path))
        {
            throw new InvalidOperationException($"CHROMIUM_PATH is {path}, but there is no file there.");
        }

        BaseAddress = App.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) with a page on the app, or on another app a test started.</summary>
    public async Task<IPage> NewPageAsync(Uri? baseAddress = null)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = (baseAddress ?? BaseAddress).ToString(), Locale = "da-DK", ViewportSize = new() { Width = 1600, Height = 1000 } });
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
        await App.DisposeAsync();
    }
}
