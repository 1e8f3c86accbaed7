using System.Globalization;
using System.Text;
using System.Xml;
using CsvHelper;
using InnovationCases.Domain;
using InnovationCases.Features.Reports;
using InnovationCases.Resources;

namespace InnovationCases.Features.Public;

/// <summary>
/// The open-data files of the public pages: an Atom feed of the published stories and the published
/// projects as CSV (UTF-8 with BOM, semicolons, formula-looking cells neutralised by the reports'
/// CSV options). Anonymous, and served from the output cache like the pages.
/// </summary>
public static class PublicFiles
{
    public const string AtomContentType = "application/atom+xml; charset=utf-8";

    public static IEndpointRouteBuilder MapPublicFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/innovation/feed.xml", FeedAsync).AllowAnonymous().CacheOutput(PublicCache.Policy);
        app.MapGet("/innovation/projekter.csv", CsvAsync).AllowAnonymous().CacheOutput(PublicCache.Policy);
        return app;
    }

    private static async Task FeedAsync(HttpContext context, PublicProjects projects, CancellationToken ct)
    {
        var stories = await projects.StoriesAsync(ct: ct);
        var request = context.Request;
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}/innovation";
        context.Response.ContentType = AtomContentType;
        await using var buffer = new MemoryStream();
        await using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true }))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("feed", atom);
            xml.WriteAttributeString("xml", "lang", null, "da");
            xml.WriteElementString("id", atom, baseUrl + "/feed.xml");
            xml.WriteElementString("title", atom, SpreadText.Public_FeedTitle);
            xml.WriteElementString("subtitle", atom, SpreadText.Public_Intro);
            xml.WriteElementString("updated", atom, Stamp(stories.Count == 0 ? DateTime.UnixEpoch : stories.Max(s => s.UpdatedAt > s.PublishedAt ? s.UpdatedAt : s.PublishedAt)));
            Link(xml, atom, "self", baseUrl + "/feed.xml");
            Link(xml, atom, "alternate", baseUrl);
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, SpreadText.Public_Author);
            xml.WriteEndElement();
            foreach (var s in stories)
            {
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("id", atom, $"{baseUrl}/{s.CaseNumber}");
                xml.WriteElementString("title", atom, s.Title);
                xml.WriteElementString("published", atom, Stamp(s.PublishedAt));
                xml.WriteElementString("updated", atom, Stamp(s.UpdatedAt > s.PublishedAt ? s.UpdatedAt : s.PublishedAt));
                Link(xml, atom, "alternate", $"{baseUrl}/{s.CaseNumber}");
                xml.WriteStartElement("summary", atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(s.Lead);
                xml.WriteEndElement();
                xml.WriteStartElement("category", atom);
                xml.WriteAttributeString("term", s.Theme.ToString());
                xml.WriteAttributeString("label", s.Theme.Label());
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            await xml.WriteEndDocumentAsync();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, ct);
    }

    private static async Task CsvAsync(HttpContext context, PublicProjects projects, CancellationToken ct)
    {
        var rows = await projects.AllAsync(ct);
        context.Response.ContentType = ReportCsv.ContentType;
        context.Response.Headers.ContentDisposition = "attachment; filename=\"projekter.csv\"";
        await using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, ReportCsv.Options, leaveOpen: true))
        {
            await csv.WriteRecordAsync(
                [SpreadText.Csv_CaseNumber, SpreadText.Csv_Title, SpreadText.Csv_Summary, SpreadText.Csv_Theme, SpreadText.Csv_Department,
                 SpreadText.Csv_Start, SpreadText.Csv_End, SpreadText.Csv_Granted, SpreadText.Csv_Stage, SpreadText.Csv_Story, SpreadText.Csv_Published], ct);
            foreach (var p in rows)
            {
                await csv.WriteRecordAsync(
                    [p.CaseNumber, p.Title, p.Summary, p.Theme.Label(), p.Department,
                     p.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                     p.GrantedAmount.ToString(CultureInfo.InvariantCulture), p.Stage.Label(), p.StoryTitle,
                     DanishTime.Today(p.PublishedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], ct);
            }

            await csv.FlushAsync(ct);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, ct);
    }

    private static void Link(XmlWriter xml, string ns, string rel, string href)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
