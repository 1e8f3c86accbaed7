using System.Net;
using System.Text;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Stories;
using InnovationCases.Tests.Features.Account;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Public;

/// <summary>HTTP level, anonymous: the public pages and files, what they show and what they never show.</summary>
public class PublicPagesTests(PublicAppFixture fixture) : IClassFixture<PublicAppFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private HttpClient Anonymous() => LoginForm.Client(fixture.App);

    // Blazor encodes æ, ø and å as character references; compare with the text a reader sees.
    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private string[] PublicUrls() =>
    [
        "/innovation", $"/innovation/{fixture.Published.CaseNumber}", $"/innovation/{fixture.Formula.CaseNumber}",
        $"/innovation/{fixture.Unpublished.CaseNumber}", $"/innovation/{fixture.NotGranted.CaseNumber}",
        "/innovation/feed.xml", "/innovation/projekter.csv",
    ];

    [Fact]
    public async Task No_private_field_appears_on_any_public_page_or_file()
    {
        using var client = Anonymous();
        var shown = new StringBuilder();
        foreach (var url in PublicUrls())
        {
            var body = WebUtility.HtmlDecode(await client.GetStringAsyncAllowing404(url));
            Assert.DoesNotContain(PublicAppFixture.Marker, body);
            shown.Append(body);
        }

        // The published project is there, so the test looks at pages with content.
        Assert.Contains(PublicAppFixture.PublishedStoryTitle, shown.ToString());
        // Its indicator's outcome is public: figures only, never the measurement's note.
        Assert.Contains("Ventetid: 40 → 25 dage (mål 20) – 75 % af vejen til målet", shown.ToString());
    }

    [Fact]
    public async Task The_public_pages_answer_without_sign_in_with_a_link_to_sign_in()
    {
        using var client = Anonymous();

        var list = await client.GetAsync("/innovation");
        var project = await client.GetAsync($"/innovation/{fixture.Published.CaseNumber}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, project.StatusCode);
        var html = await list.Content.ReadAsStringAsync();
        Assert.Contains("href=\"login\"", html);
        Assert.Contains($"innovation/{fixture.Published.CaseNumber}", html);
        Assert.False(string.IsNullOrEmpty(list.Headers.GetValues("Content-Security-Policy").Single()));
    }

    [Fact]
    public async Task A_first_visitor_gets_no_cookie_and_the_next_one_gets_the_cached_page()
    {
        using var first = Anonymous();
        using var second = Anonymous();

        var one = await first.GetAsync("/innovation");
        var two = await second.GetAsync("/innovation");

        Assert.False(one.Headers.Contains("Set-Cookie"));
        Assert.False(two.Headers.Contains("Set-Cookie"));
        Assert.True(two.Headers.Contains("Age"), "The second visitor's page did not come from the cache.");
    }

    [Fact]
    public async Task Unpublished_and_not_granted_projects_are_not_found()
    {
        using var client = Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/innovation/{fixture.Unpublished.CaseNumber}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/innovation/{fixture.NotGranted.CaseNumber}")).StatusCode);
    }

    [Fact]
    public async Task Hostile_markdown_stored_in_a_story_is_inert_on_the_public_page()
    {
        using var client = Anonymous();

        var html = await client.GetStringAsync($"/innovation/{fixture.Published.CaseNumber}");

        var story = new HtmlParser().ParseDocument(html).QuerySelector(".public-story-body");
        Assert.NotNull(story);
        Assert.Contains("Hej", story.TextContent);
        InertHtml.Assert(story.InnerHtml);
        Assert.DoesNotContain("tracker.example", html);
    }

    [Fact]
    public async Task The_feed_is_atom_with_an_entry_per_published_story()
    {
        using var client = Anonymous();

        var response = await client.GetAsync("/innovation/feed.xml");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" })
        {
            Assert.NotNull(feed.Element(Atom + required));
        }

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Contains(entries, e => e.Element(Atom + "title")!.Value == PublicAppFixture.PublishedStoryTitle);
        Assert.All(entries, e =>
        {
            Assert.NotNull(e.Element(Atom + "id"));
            Assert.NotNull(e.Element(Atom + "updated"));
            Assert.NotNull(e.Element(Atom + "link")?.Attribute("href"));
        });
    }

    [Fact]
    public async Task The_csv_is_utf8_with_bom_semicolons_and_neutralised_formulas()
    {
        using var client = Anonymous();

        var bytes = await client.GetByteArrayAsync("/innovation/projekter.csv");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Sagsnummer;Projekt;", lines[0]);
        var formula = lines.Single(l => l.StartsWith(fixture.Formula.CaseNumber, StringComparison.Ordinal));
        Assert.DoesNotContain(";=HYPERLINK", formula);
        Assert.DoesNotContain(";\"=HYPERLINK", formula);
        Assert.Contains("'=HYPERLINK", formula);
    }

    [Fact]
    public async Task The_list_is_served_from_the_cache_until_a_publish_evicts_it()
    {
        using var client = Anonymous();
        var caseworker = await fixture.App.ActorAsync(DemoUsers.Caseworker);
        var stories = fixture.App.AppServices.GetRequiredService<StoryService>();
        var first = await Arrange.CaseAsync(fixture.App, InnovationCases.Domain.Stage.Evaluated, leadCode: "MBU");
        var second = await Arrange.CaseAsync(fixture.App, InnovationCases.Domain.Stage.Evaluated, leadCode: "MSO");
        Assert.IsType<CaseCommandResult.Done>(await stories.SaveAsync(first.CaseNumber, new StoryInput { Title = "Cachetest", Lead = "Første manchet", Body = "Tekst" }, caseworker));
        Assert.IsType<CaseCommandResult.Done>(await stories.SaveAsync(second.CaseNumber, new StoryInput { Title = "Anden fortælling", Lead = "Manchet", Body = "Tekst" }, caseworker));
        Assert.IsType<CaseCommandResult.Done>(await stories.SetPublishedAsync(first.CaseNumber, true, caseworker));
        var before = await PageAsync(client, "/innovation");

        // A change behind the app's back (no case change) is not seen: the page comes from the cache.
        await using (var db = await fixture.App.DbAsync())
        {
            await db.Stories.Where(s => s.CaseId == first.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Lead, "Ændret manchet"));
        }

        var cached = await PageAsync(client, "/innovation");
        await stories.SetPublishedAsync(second.CaseNumber, true, caseworker);
        var after = await PageAsync(client, "/innovation");

        Assert.Contains("Første manchet", before);
        Assert.Contains("Første manchet", cached);
        Assert.DoesNotContain("Anden fortælling", cached);
        Assert.Contains("Ændret manchet", after);
        Assert.Contains("Anden fortælling", after);
    }

    [Fact]
    public async Task A_new_measurement_on_a_published_project_evicts_the_cached_project_page()
    {
        using var client = Anonymous();
        var caseworker = await fixture.App.ActorAsync(DemoUsers.Caseworker);
        var c = await Arrange.CaseAsync(fixture.App, InnovationCases.Domain.Stage.Granted, leadCode: "MBU", granted: 300_000);
        int indicatorId;
        await using (var db = await fixture.App.DbAsync())
        {
            var indicator = new InnovationCases.Domain.Delivery.Indicator
            {
                CaseId = c.Id, Name = "Genbrugsandel", Unit = "%", Baseline = 10, Target = 50,
                TargetDate = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1), CreatedAt = DateTime.UtcNow,
            };
            db.Indicators.Add(indicator);
            db.Stories.Add(new InnovationCases.Domain.Story
            {
                CaseId = c.Id, Title = "Målt historie", Lead = "Manchet", BodyMarkdown = "Tekst", WentWrong = "",
                IsPublished = true, PublishedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, WrittenByName = "X",
            });
            await db.SaveChangesAsync();
            indicatorId = indicator.Id;
        }

        var before = await PageAsync(client, $"/innovation/{c.CaseNumber}");
        using var second = await client.GetAsync($"/innovation/{c.CaseNumber}");
        var measured = await fixture.App.AppServices.GetRequiredService<InnovationCases.Features.Delivery.DeliveryService>().AddMeasurementAsync(c.CaseNumber,
            new InnovationCases.Features.Delivery.MeasurementInput { IndicatorId = indicatorId, Date = InnovationCases.Domain.DanishTime.Today(DateTime.UtcNow).ToDateTime(TimeOnly.MinValue), Value = 30 }, caseworker);
        var after = await PageAsync(client, $"/innovation/{c.CaseNumber}");

        Assert.IsType<CaseCommandResult.Done>(measured);
        Assert.Contains("Genbrugsandel: udgangspunkt 10 % (mål 50) – ingen måling endnu", before);
        Assert.True(second.Headers.Contains("Age"), "The project page was not cached, so the eviction was not tested.");
        Assert.Contains("Genbrugsandel: 10 → 30 % (mål 50) – 50 % af vejen til målet", after);
    }
}
