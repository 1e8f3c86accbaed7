using Microsoft.Playwright;

namespace InnovationCases.Bench;

/// <summary>
/// Headless Debian Chromium for the board scenarios (B2–B4): signed-in contexts through the real
/// login form, and board pages that count as open only once the circuit is live and the columns
/// are rendered.
/// </summary>
internal sealed class BoardBrowser : IAsyncDisposable
{
    public const string Caseworker = "sagsbehandler@aarhus.example";
    public const string Manager = "leder@aarhus.example";
    private const string Password = "Demo-2026!";

    /// <summary>In-page test: the circuit is live and the board's columns are rendered.</summary>
    public const string BoardReadyScript = "() => !!document.querySelector(\"[data-circuit='ready']\") && !!document.querySelector('[data-stage]')";

    private readonly IPlaywright _playwright;
    private readonly List<IBrowserContext> _contexts = [];

    private BoardBrowser(IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        _playwright = playwright;
        Browser = browser;
        BaseUrl = baseUrl;
    }

    public IBrowser Browser { get; }
    public string BaseUrl { get; }

    public static async Task<BoardBrowser> LaunchAsync(string baseUrl)
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return new BoardBrowser(playwright, browser, baseUrl);
    }

    /// <summary>A fresh context (its own cookies) signed in through the /login form, on the app or on another instance of it.</summary>
    public async Task<IBrowserContext> SignedInAsync(string email, string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = baseUrl ?? BaseUrl, Locale = "da-DK", ViewportSize = new() { Width = 1600, Height = 1000 } });
        context.SetDefaultTimeout(60_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login?ReturnUrl=" + Uri.EscapeDataString("/board"));
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Adgangskode").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await page.WaitForFunctionAsync(BoardReadyScript);
        await page.CloseAsync(new() { RunBeforeUnload = false });
        return context;
    }

    /// <summary>A new page on /board, returned once the board is interactive.</summary>
    public static async Task<IPage> OpenBoardAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/board");
        await page.WaitForFunctionAsync(BoardReadyScript);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
