using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using InnovationCases.Tests.Support;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

public static class PageExtensions
{
    /// <summary>Signs in through the real login form and waits until the app is interactive.</summary>
    public static async Task LoginAsync(this IPage page, string email, string returnPath = "/")
    {
        await page.GotoAsync("/login?ReturnUrl=" + Uri.EscapeDataString(returnPath));
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Adgangskode").FillAsync(DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        await page.WaitForCircuitAsync();
    }

    /// <summary>Navigates and waits until the Blazor circuit has rendered interactively.</summary>
    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
    }

    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("[data-circuit='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Runs axe-core and fails with the list of serious or critical violations, if any.</summary>
    public static async Task AssertNoSeriousAxeViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, "axe-core found:\n" + string.Join("\n", serious));
    }
}
