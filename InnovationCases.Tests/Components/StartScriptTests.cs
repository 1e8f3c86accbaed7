using System.Text.Json;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Components;

/// <summary>
/// wwwroot/js/start.js starts Blazor with the circuit's JS initializers named (none), so the page does
/// not ask for their list before every circuit. That holds only while the app has none.
/// </summary>
public sealed class StartScriptTests
{
    [Fact]
    public async Task The_app_has_no_circuit_js_initializers_which_the_start_script_would_otherwise_skip()
    {
        using var app = new TestApp(demoData: false);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/_blazor/initializers");

        response.EnsureSuccessStatusCode();
        var initializers = JsonSerializer.Deserialize<string[]>(await response.Content.ReadAsStringAsync())!;
        Assert.True(initializers.Length == 0,
            "A package now brings circuit JS initializers (" + string.Join(", ", initializers) + "): wwwroot/js/start.js must load them, not name none.");
    }

    [Fact]
    public async Task The_page_loads_blazor_without_autostart_and_then_the_start_script()
    {
        using var app = new TestApp(demoData: false);
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/login");

        var blazor = html.IndexOf("autostart=\"false\"", StringComparison.Ordinal);
        var start = html.IndexOf("js/start.", StringComparison.Ordinal);
        Assert.True(blazor > 0 && start > blazor, "blazor.web.js with autostart=\"false\", then js/start.js");
    }
}
