using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;

namespace InnovationCases.Features.Stories;

/// <summary>
/// A story's Markdown as safe HTML. Two layers: Markdig escapes raw HTML instead of passing it
/// through, and HtmlSanitizer then removes whatever is left that could run or reach out (scripts,
/// event handlers, <c>javascript:</c> links, images). Stories are rendered on every display, so a
/// stored hostile text stays inert even if it got past the form's check.
/// </summary>
public static partial class StoryHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public static string Render(string markdown)
    {
        var html = Markdown.ToHtml(markdown ?? "", Pipeline);
        return NewSanitizer().Sanitize(html);
    }

    /// <summary>
    /// Why the form refuses a text, or null: a script tag, an event handler or a <c>javascript:</c>
    /// link is never what a story writer meant, so they hear it at once instead of seeing it vanish.
    /// </summary>
    public static bool LooksHostile(string? text) => text is not null && Hostile().IsMatch(text);

    // A new sanitizer per render: its settings are mutable sets, and a story is rendered rarely enough.
    private static HtmlSanitizer NewSanitizer()
    {
        var s = new HtmlSanitizer();
        // No images at all: an external image would tell a third party who reads the page.
        s.AllowedTags.Remove("img");
        s.AllowedTags.Remove("picture");
        s.AllowedTags.Remove("source");
        s.AllowedTags.Remove("form");
        s.AllowedTags.Remove("input");
        s.AllowedTags.Remove("button");
        s.AllowedTags.Remove("textarea");
        s.AllowedTags.Remove("select");
        s.AllowedAttributes.Remove("style");
        s.AllowedCssProperties.Clear();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("mailto");
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a)
            {
                a.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        s.AllowedAttributes.Add("rel");
        return s;
    }

    [GeneratedRegex(@"<\s*/?\s*script|javascript\s*:|\bon[a-z]+\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hostile();
}
