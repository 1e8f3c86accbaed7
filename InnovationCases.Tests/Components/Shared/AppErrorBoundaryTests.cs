using Bunit;
using InnovationCases.Components.Shared;
using InnovationCases.Resources;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace InnovationCases.Tests.Components.Shared;

public sealed class AppErrorBoundaryTests : BunitTestContext
{
    [Fact]
    public void A_page_that_throws_is_replaced_by_a_danish_message_with_a_reload_button()
    {
        var cut = Render<AppErrorBoundary>(p => p.AddChildContent<Thrower>());

        var alert = cut.Find("[data-testid=app-error]");
        Assert.Contains(AppText.Error_Section, alert.TextContent);
        Assert.Equal(AppText.Error_Reload, cut.Find("button.app-error-reload").TextContent.Trim());
    }

    [Fact]
    public void A_page_that_works_is_shown_as_it_is()
    {
        var cut = Render<AppErrorBoundary>(p => p.AddChildContent("<p id=\"fine\">OK</p>"));

        Assert.Equal("OK", cut.Find("#fine").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=app-error]"));
    }

    private sealed class Thrower : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("Broken page");
    }
}
