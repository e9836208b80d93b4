using DelegateBot.Core.Knowledge.Ingestion;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DelegateBot.Core.Tests.Knowledge;

public class IngestionTests
{
    [Fact]
    public void Text_and_markdown_files_load_with_their_own_titles()
    {
        using var folder = new KnowledgeFolder();
        folder.Write("notes.txt", "SIDE EVENT ON REMITTANCES\n\nThe side event will be held in Conference Room 3 on 4 June 2025.");
        folder.Write("seminar.md", "# Seminar on Diaspora Bonds\n\n## Venue\n\nThe seminar takes place in Room S-2726.");
        using var index = folder.CreateIndex();

        var titles = index.Documents.ToDictionary(d => d.Source, d => d.Title);
        Assert.Equal("Side Event on Remittances", titles["notes.txt"]);
        Assert.Equal("Seminar on Diaspora Bonds", titles["seminar.md"]);
        Assert.Contains("Room S-2726", index.Documents.Single(d => d.Source == "seminar.md").Text);
        Assert.DoesNotContain("#", index.Documents.Single(d => d.Source == "seminar.md").Text);
    }

    [Fact]
    public void Html_is_converted_to_text_with_title_headings_and_list_items()
    {
        var raw = HtmlReader.Convert("""
            <html><head><title>Regional Consultation on Labour Mobility</title><style>p{color:red}</style></head>
            <body><h1>Regional Consultation</h1><p>The consultation opens on <b>12 May 2025</b> &amp; closes on 13 May.</p>
            <ul><li>Opening by the Chair</li><li>Panel on skills</li></ul><script>alert(1)</script></body></html>
            """);
        var doc = DocumentLoader.Parse("consultation.html", raw);

        Assert.Equal("Regional Consultation on Labour Mobility", doc.Document.Title);
        Assert.Contains("The consultation opens on 12 May 2025 & closes on 13 May.", doc.Document.Text);
        Assert.Contains("- Opening by the Chair", doc.Document.Text);
        Assert.DoesNotContain("alert", doc.Document.Text);
        Assert.DoesNotContain("color", doc.Document.Text);
    }

    [Fact]
    public void Docx_paragraphs_headings_and_lists_are_read_through_openxml()
    {
        using var folder = new KnowledgeFolder();
        var path = System.IO.Path.Combine(folder.Path, "briefing.docx");
        WriteDocx(path,
            ("Title", "Briefing on Return and Reintegration"),
            ("Heading1", "Venue"),
            ("", "The briefing will be held in Conference Room 11 on 9 October 2025."),
            ("List", "Opening statement by the Chair"),
            ("List", "Presentation of the guidelines"));
        using var index = folder.CreateIndex();

        var doc = Assert.Single(index.Documents);
        Assert.Equal("Briefing on Return and Reintegration", doc.Title);
        Assert.Contains("Conference Room 11 on 9 October 2025", doc.Text);
        Assert.Contains("- Opening statement by the Chair", doc.Text);
        var passage = index.Search("briefing room", 1).Single().Passage;
        Assert.Equal("section Venue", passage.Location);
    }

    [SkippableFactIfNoPdfToText]
    public void Pdf_is_read_through_pdftotext()
    {
        using var folder = new KnowledgeFolder();
        File.WriteAllBytes(System.IO.Path.Combine(folder.Path, "note.pdf"), TinyPdf.Create("Expert meeting on migration data", "The meeting is held in Geneva on 3 April 2025."));
        using var index = folder.CreateIndex();

        var doc = Assert.Single(index.Documents);
        Assert.Contains("held in Geneva on 3 April 2025", doc.Text);
        Assert.Empty(index.Problems);
    }

    [Fact]
    public void Missing_pdftotext_is_reported_with_the_package_name_and_other_files_still_load()
    {
        using var folder = new KnowledgeFolder();
        File.WriteAllBytes(System.IO.Path.Combine(folder.Path, "note.pdf"), TinyPdf.Create("x", "y"));
        folder.Write("agenda.txt", "The meeting opens on 2 June 2025 in Room 4.");
        var readers = new IDocumentReader[] { new PlainTextReader(), new PdfReader("/nonexistent/pdftotext") };
        var loader = new DocumentLoader(readers, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var load = loader.Load(folder.Path);

        Assert.Equal("agenda.txt", Assert.Single(load.Documents).Document.Source);
        var problem = Assert.Single(load.Problems);
        Assert.Equal("note.pdf", problem.Source);
        Assert.Contains("poppler-utils", problem.Message);
    }

    [Fact]
    public void A_broken_file_is_reported_and_skipped()
    {
        using var folder = new KnowledgeFolder();
        folder.Write("broken.docx", "this is not a zip package");
        folder.Write("ok.txt", "The reception starts at 18:00 in the Delegates Lounge.");
        using var index = folder.CreateIndex();

        Assert.Equal("ok.txt", Assert.Single(index.Documents).Source);
        Assert.Equal("broken.docx", Assert.Single(index.Problems).Source);
    }

    private static void WriteDocx(string path, params (string Style, string Text)[] paragraphs)
    {
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new W.Body();
        foreach (var (style, text) in paragraphs)
        {
            var p = new W.Paragraph();
            if (style == "List")
                p.Append(new W.ParagraphProperties(new W.NumberingProperties(new W.NumberingLevelReference { Val = 0 }, new W.NumberingId { Val = 1 })));
            else if (style.Length > 0)
                p.Append(new W.ParagraphProperties(new W.ParagraphStyleId { Val = style }));
            p.Append(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            body.Append(p);
        }
        main.Document = new W.Document(body);
        main.Document.Save();
    }
}

/// <summary>Runs only where poppler's pdftotext is installed (test.sh installs it; CI has it).</summary>
public sealed class SkippableFactIfNoPdfToTextAttribute : FactAttribute
{
    public SkippableFactIfNoPdfToTextAttribute()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .Any(dir => File.Exists(System.IO.Path.Combine(dir, "pdftotext")));
        if (!onPath) Skip = "pdftotext (poppler-utils) is not installed; ./test.sh installs it.";
    }
}

/// <summary>Writes a minimal valid one-page PDF with text lines (Helvetica), offsets computed for the xref table.</summary>
internal static class TinyPdf
{
    public static byte[] Create(params string[] lines)
    {
        var content = new System.Text.StringBuilder("BT /F1 12 Tf 72 720 Td 16 TL\n");
        foreach (var line in lines) content.Append('(').Append(line.Replace("(", "\\(").Replace(")", "\\)")).Append(") Tj T*\n");
        content.Append("ET");
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append($"{o:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
