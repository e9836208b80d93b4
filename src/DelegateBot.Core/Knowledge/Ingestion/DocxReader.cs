using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DelegateBot.Core.Knowledge.Ingestion;

/// <summary>
/// .docx through DocumentFormat.OpenXml: paragraphs in body order, Title/Heading styles as markdown headings,
/// numbered or bulleted paragraphs as bullets, table rows as " | "-joined lines.
/// </summary>
public sealed class DocxReader : IDocumentReader
{
    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    public RawDocument Read(string path)
    {
        try
        {
            using var doc = WordprocessingDocument.Open(path, false);
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new DocumentReadException($"{Path.GetFileName(path)} has no document body.");
            var sb = new StringBuilder();
            foreach (var element in body.ChildElements)
            {
                switch (element)
                {
                    case W.Paragraph p:
                        AppendParagraph(sb, p);
                        break;
                    case W.Table t:
                        var rows = t.Elements<W.TableRow>().Select(row => row.Elements<W.TableCell>()
                            .Select(c => string.Join("\n", c.Elements<W.Paragraph>().Select(ParagraphText).Where(x => x.Trim().Length > 0))).ToArray()).ToList();
                        sb.Append(TableText.Render(rows, HeaderRow(t)));
                        break;
                }
            }
            var title = doc.PackageProperties.Title;
            return new RawDocument(sb.ToString(), string.IsNullOrWhiteSpace(title) ? null : title.Trim());
        }
        catch (OpenXmlPackageException ex)
        {
            throw new DocumentReadException($"{Path.GetFileName(path)} is not a valid .docx file: {ex.Message}", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentReadException($"{Path.GetFileName(path)} is not a valid .docx file: {ex.Message}", ex);
        }
    }

    private static void AppendParagraph(StringBuilder sb, W.Paragraph p)
    {
        var text = ParagraphText(p).Trim();
        if (text.Length == 0) return;
        var style = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        var level = HeadingLevel(style);
        if (level > 0) sb.Append(new string('#', level)).Append(' ');
        else if (p.ParagraphProperties?.NumberingProperties is not null || style.StartsWith("List", StringComparison.OrdinalIgnoreCase))
            sb.Append("- ");
        sb.Append(text).Append("\n\n");
    }

    /// <summary>A first row marked to repeat as the header on each page, or all in bold: the table's header; else unknown.</summary>
    private static bool? HeaderRow(W.Table table)
    {
        var first = table.Elements<W.TableRow>().FirstOrDefault();
        if (first is null) return null;
        if (first.TableRowProperties?.Elements<W.TableHeader>().Any() == true) return true;
        var runs = first.Descendants<W.Run>().Where(r => r.InnerText.Trim().Length > 0).ToList();
        return runs.Count > 0 && runs.All(r => r.RunProperties?.Bold is { } b && (b.Val is null || b.Val.Value)) ? true : null;
    }

    private static int HeadingLevel(string style)
    {
        if (style.Equals("Title", StringComparison.OrdinalIgnoreCase)) return 1;
        if (style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) && int.TryParse(style.AsSpan(7), out var n))
            return Math.Clamp(n, 1, 6);
        return 0;
    }

    private static string ParagraphText(W.Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var node in p.Descendants())
        {
            switch (node)
            {
                case W.Text t: sb.Append(t.Text); break;
                case W.TabChar: sb.Append(' '); break;
                case W.Break: sb.Append('\n'); break;
            }
        }
        return sb.ToString();
    }
}
