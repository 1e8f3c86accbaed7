using InnovationCases.Features.Stories;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Stories;

public sealed class StoryHtmlTests
{
    [Fact]
    public void Markdown_becomes_html()
    {
        var html = StoryHtml.Render("Vi **lærte** meget.\n\n- en\n- to\n\n[Læs mere](https://www.aarhus.dk)");

        Assert.Contains("<strong>lærte</strong>", html);
        Assert.Contains("<li>en</li>", html);
        Assert.Contains("href=\"https://www.aarhus.dk\"", html);
    }

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("<img src=x onerror=\"alert(1)\">")]
    [InlineData("[klik](javascript:alert(1))")]
    [InlineData("[klik](JaVaScRiPt:alert(1))")]
    [InlineData("![spor](https://tracker.example/pixel.png)")]
    [InlineData("<a href=\"#\" onclick=\"alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Hostile_markdown_is_rendered_inert(string markdown)
    {
        var html = StoryHtml.Render(markdown);

        InertHtml.Assert(html);
        Assert.DoesNotContain("tracker.example/pixel", html);
    }

    [Theory]
    [InlineData("<script>x</script>")]
    [InlineData("[a](JavaScript:alert(1))")]
    [InlineData("<img onerror=x>")]
    public void The_form_check_spots_hostile_text(string text) => Assert.True(StoryHtml.LooksHostile(text));

    [Fact]
    public void Ordinary_danish_text_is_not_hostile() =>
        Assert.False(StoryHtml.LooksHostile("Vi testede on-line booking og skrev en rapport om javascript-kurset."));
}
