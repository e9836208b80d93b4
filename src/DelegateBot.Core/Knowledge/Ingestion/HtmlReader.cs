using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace DelegateBot.Core.Knowledge.Ingestion;

/// <summary>
/// .html/.htm: a small, tolerant HTML-to-text conversion (no parser package is available to us): scripts and
/// styles dropped, headings become markdown headings, list items bullets, block elements line breaks.
/// </summary>
public sealed partial class HtmlReader : IDocumentReader
{
    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm", ".xhtml"];

    public RawDocument Read(string path) => Convert(File.ReadAllText(path));

    public static RawDocument Convert(string html)
    {
        string? title = null;
        var titleMatch = TitleTag().Match(html);
        if (titleMatch.Success) title = Clean(titleMatch.Groups[1].Value);

        var text = Invisible().Replace(html, " ");
        // Tables and definition lists say which value goes with which label: kept as lines that say so.
        text = Table().Replace(text, m => TableText.Render(Rows(m.Value), m.Value.Contains("<th", StringComparison.OrdinalIgnoreCase) ? true : null));
        text = Definition().Replace(text, m => $"\n\n{Clean(m.Groups[1].Value)}: {Clean(m.Groups[2].Value)}\n\n");
        text = Heading().Replace(text, m => $"\n\n{new string('#', m.Groups[1].Value[0] - '0')} {Clean(m.Groups[2].Value)}\n\n");
        text = ListItem().Replace(text, "\n- ");
        text = TableCell().Replace(text, " | ");
        text = LineBreak().Replace(text, "\n");
        text = BlockBoundary().Replace(text, "\n\n");
        text = AnyTag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);

        var sb = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = Spaces().Replace(raw, " ").Trim();
            if (!(line.Length > 2 && line.StartsWith('|') && line.EndsWith('|'))) line = line.Trim('|').Trim(); // a markdown row keeps its pipes
            sb.Append(line).Append('\n');
        }
        return new RawDocument(sb.ToString(), string.IsNullOrWhiteSpace(title) ? null : title);
    }

    /// <summary>The cells of each row (a line break in a cell kept as a new line).</summary>
    private static List<string[]> Rows(string table) =>
        TableRow().Matches(table).Select(r => TableCellContent().Matches(r.Groups[1].Value)
            .Select(c => string.Join('\n', LineBreak().Split(c.Groups[2].Value).Select(Clean))).ToArray()).ToList();

    private static string Clean(string fragment) =>
        Spaces().Replace(WebUtility.HtmlDecode(AnyTag().Replace(fragment, "")), " ").Trim();

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitleTag();

    // A site's navigation menu is on every page and says nothing about the meeting.
    [GeneratedRegex(@"<(script|style|head|noscript|template|nav)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"<table\b[^>]*>.*?</table\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex(@"<tr\b[^>]*>(.*?)</tr\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"<t([hd])\b[^>]*>(.*?)</t\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TableCellContent();

    [GeneratedRegex(@"<dt\b[^>]*>(.*?)</dt\s*>\s*<dd\b[^>]*>(.*?)</dd\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Definition();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"</t[dh]\s*>\s*<t[dh]\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex TableCell();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</?(p|div|section|article|header|footer|main|aside|nav|tr|table|ul|ol|dl|dt|dd|blockquote|pre|hr|figure|figcaption|address)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockBoundary();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\u00A0\r\f\v]+")]
    private static partial Regex Spaces();
}
