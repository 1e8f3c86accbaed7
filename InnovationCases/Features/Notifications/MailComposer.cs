using System.Globalization;
using System.Net;
using System.Text;
using InnovationCases.Domain;
using InnovationCases.Resources;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// The Danish e-mails: subject with case number and title, plain text and HTML with a link to the
/// case. Only what every recipient of the kind may see goes in (stages, who moved, the move's
/// reason, which the department is shown anyway), never scores or notes.
/// </summary>
public static class MailComposer
{
    /// <summary>A subject may not exceed this; longer titles are cut.</summary>
    public const int SubjectMax = 200;

    public static MailContent ForChange(NotificationKind kind, string caseNumber, string title, CaseEvent ev, string baseUrl)
    {
        var path = CasePath(caseNumber);
        var link = Link(baseUrl, path);
        var what = kind switch
        {
            NotificationKind.CouncilDecisionPending => NotificationText.Council_What,
            NotificationKind.AssessmentAssigned => AssignedWhat(ev),
            NotificationKind.Mention => NotificationText.Mention_What,
            _ when ev.Trigger is { } t && ev.FromStage is { } from => string.Format(CultureInfo.CurrentCulture, NotificationText.Moved_What, t.MoveLine(from, ev.ToStage)),
            _ => ev.Kind.Label(),
        };
        var subject = Subject(caseNumber, title, kind switch
        {
            NotificationKind.CouncilDecisionPending => NotificationText.Council_Subject,
            NotificationKind.AssessmentAssigned => NotificationText.Assigned_Subject,
            NotificationKind.Mention => NotificationText.Mention_Subject,
            _ => string.Format(CultureInfo.CurrentCulture, NotificationText.Moved_Subject, ev.ToStage.Label()),
        });
        var lines = new List<string>
        {
            string.Format(CultureInfo.CurrentCulture, NotificationText.Body_Case, caseNumber, OneLine(title)),
            what,
            string.Format(CultureInfo.CurrentCulture, NotificationText.Body_By, ev.ActorName, DanishTime.Format(ev.At)),
        };
        if (kind == NotificationKind.CaseMoved && !string.IsNullOrWhiteSpace(ev.Note))
        {
            lines.Add(string.Format(CultureInfo.CurrentCulture, NotificationText.Body_Reason, ev.Note));
        }

        var digestLine = $"{caseNumber} {OneLine(title)}: {what}";
        return new MailContent(subject, Text(lines, link), Html(lines, link), Cut(digestLine, 1000), Detail(lines.Skip(1)), path);
    }

    /// <summary>A reminder about one case: what is due or flagged, with a link to the case.</summary>
    public static MailContent ForCase(string caseNumber, string title, string what, string baseUrl)
    {
        var path = CasePath(caseNumber);
        var link = Link(baseUrl, path);
        var lines = new List<string> { string.Format(CultureInfo.CurrentCulture, NotificationText.Body_Case, caseNumber, OneLine(title)), what };
        return new MailContent(Subject(caseNumber, title, what), Text(lines, link), Html(lines, link), Cut(OneLine($"{caseNumber} {title}: {what}"), 1000),
            Detail([what]), path);
    }

    /// <summary>"Du er bedt om en vurdering senest 5. december 2026", from the assignment event's payload.</summary>
    private static string AssignedWhat(CaseEvent ev)
    {
        using var json = System.Text.Json.JsonDocument.Parse(ev.DataJson ?? "{}");
        var root = json.RootElement;
        var advice = root.TryGetProperty("Kind", out var k) && k.GetString() == nameof(Domain.Assignments.AssignmentKind.Advice);
        var due = root.TryGetProperty("DueDate", out var d) && DateOnly.TryParse(d.GetString(), CultureInfo.InvariantCulture, out var day)
            ? DanishTime.FormatDate(day) : "";
        return string.Format(CultureInfo.CurrentCulture, advice ? NotificationText.Assigned_Advice : NotificationText.Assigned_Assessment, due);
    }

    /// <summary>A reminder about several cases, e.g. the caseworkers' list of stale cases.</summary>
    public static MailContent ForList(string subject, string intro, IReadOnlyList<string> items, string baseUrl, string linkPath)
    {
        var lines = new List<string> { intro };
        lines.AddRange(items.Select(i => "• " + i));
        var link = Link(baseUrl, linkPath);
        return new MailContent(Cut(OneLine(subject), SubjectMax), Text(lines, link), Html(lines, link), Cut(OneLine(subject), 1000), Detail(lines), linkPath);
    }

    /// <summary>The daily digest: one message with a line per collected notification.</summary>
    public static MailContent Digest(DateOnly day, IReadOnlyList<string> items, string baseUrl)
    {
        var subject = string.Format(CultureInfo.CurrentCulture, NotificationText.Digest_Subject, DanishTime.FormatDate(day), items.Count);
        return ForList(subject, NotificationText.Digest_Intro, items, baseUrl, "my-cases");
    }

    public static string CaseLink(string baseUrl, string caseNumber) => Link(baseUrl, CasePath(caseNumber));

    private static string CasePath(string caseNumber) => $"cases/{Uri.EscapeDataString(caseNumber)}";

    private static string Link(string baseUrl, string path) => $"{baseUrl.TrimEnd('/')}/{path}";

    /// <summary>The in-app lines are the e-mail's lines, capped like the digest line so a long list stays a notice.</summary>
    private static string Detail(IEnumerable<string> lines) => Cut(string.Join("\n", lines), 2000);

    /// <summary>
    /// "INNO-2026-0042 Titel: flyttet til Screenet". Control characters (a newline in a title) become
    /// spaces: a header can never be split, whatever the title holds.
    /// </summary>
    public static string Subject(string caseNumber, string title, string what) => Cut(OneLine($"{caseNumber} {title}: {what}"), SubjectMax);

    public static string OneLine(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            b.Append(char.IsControl(ch) || ch is '\u2028' or '\u2029' ? ' ' : ch);
        }

        return b.ToString().Trim();
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string Text(IEnumerable<string> lines, string link) =>
        string.Join("\n\n", lines) + "\n\n" + string.Format(CultureInfo.CurrentCulture, NotificationText.Body_Link, link) + "\n\n-- \n" + NotificationText.Body_Footer + "\n";

    private static string Html(IReadOnlyList<string> lines, string link)
    {
        // Sized for the whole page at once (a Danish letter is encoded as six characters): the fan-out
        // composes one per change while the moves run, and a growing builder copied itself several times.
        var size = 400 + 2 * link.Length;
        foreach (var line in lines)
        {
            size += line.Length * 2 + 7;
        }

        var b = new StringBuilder(size).Append("<!DOCTYPE html><html lang=\"da\"><body style=\"font-family:sans-serif\">");
        foreach (var line in lines)
        {
            b.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        }

        b.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link)).Append("\">").Append(WebUtility.HtmlEncode(NotificationText.Body_Open)).Append("</a></p>");
        b.Append("<p style=\"color:#555;font-size:small\">").Append(WebUtility.HtmlEncode(NotificationText.Body_Footer)).Append("</p></body></html>");
        return b.ToString();
    }
}
