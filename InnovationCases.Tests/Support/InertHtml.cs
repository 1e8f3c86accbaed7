using AngleSharp.Html.Parser;

namespace InnovationCases.Tests.Support;

/// <summary>Asserts that HTML cannot run anything or reach out: no scripts, frames or images, no event handlers, no javascript: URLs.</summary>
public static class InertHtml
{
    public static void Assert(string html)
    {
        var doc = new HtmlParser().ParseDocument(html);
        foreach (var tag in new[] { "script", "iframe", "object", "embed", "img", "form" })
        {
            Xunit.Assert.Empty(doc.QuerySelectorAll(tag));
        }

        foreach (var element in doc.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Xunit.Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}> handles an event");
                Xunit.Assert.DoesNotContain("javascript:", attribute.Value.Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
