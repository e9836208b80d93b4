using System.Buffers;
using System.Text.RegularExpressions;
using DelegateBot.Core.Knowledge;

namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>One line of a document with its markup removed (Markdown emphasis, headings, bullets, HTML tags).</summary>
/// <param name="Number">1-based line number in the document text.</param>
/// <param name="Raw">The line as written.</param>
/// <param name="Text">Clean text without bullet marker or emphasis.</param>
/// <param name="Indented">Starts with whitespace (a continuation line under a programme item).</param>
/// <param name="Bullet">Starts with a bullet marker ("-", "•", "*").</param>
/// <param name="ItemNumber">The number of a numbered item ("1." or "2)"), otherwise null.</param>
/// <param name="AllCaps">Written in capitals (cover pages), so capitalisation says nothing about names.</param>
internal sealed record DocLine(int Number, string Raw, string Text, bool Indented, bool Bullet, int? ItemNumber, bool AllCaps)
{
    public bool IsBlank => Text.Length == 0;
}

/// <summary>A document split into clean lines, with helpers to cite a line.</summary>
internal sealed partial class DocumentLines
{
    /// <param name="sourceText">The file as written, when it is plain text: locations then name the file's own lines
    /// (ingestion joins wrapped lines and drops page furniture, so the text's line numbers differ from the file's).</param>
    public DocumentLines(KnowledgeDocument document, string? sourceText = null)
    {
        Document = document;
        Lines = SplitLines(document.Text).Select((l, i) => Clean(i + 1, l)).ToList();
        _fileLines = sourceText is null ? null : MapToFile(Lines, SplitLines(sourceText).Select((l, i) => Clean(i + 1, l)).ToList());
        // Dates of every line, once: the sentence splitter, the programme parser and the extractor all ask.
        _dates = new List<DateMatch>[Lines.Count];
        _wholeLineDates = new DateMatch?[Lines.Count];
        for (var i = 0; i < Lines.Count; i++)
        {
            _dates[i] = DateExpressions.Find(Lines[i].Text, bareYears: false);
            _wholeLineDates[i] = _dates[i].Count == 0 ? null : DateExpressions.WholeLine(Lines[i].Text, _dates[i]);
        }
    }

    private readonly int?[]? _fileLines;
    private readonly List<DateMatch>[] _dates;
    private readonly DateMatch?[] _wholeLineDates;

    /// <summary>The line's date expressions without bare years (<see cref="DateExpressions.Find"/>).</summary>
    public IReadOnlyList<DateMatch> DatesOf(DocLine line) => _dates[line.Number - 1];

    /// <summary>The line's date when the line is nothing but a date (<see cref="DateExpressions.WholeLine(string)"/>).</summary>
    public DateMatch? WholeLineDate(DocLine line) => _wholeLineDates[line.Number - 1];

    private static string[] SplitLines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

    /// <summary>For each line of the text, the file line it starts on: found in order, by its first words.</summary>
    private static int?[] MapToFile(IReadOnlyList<DocLine> lines, IReadOnlyList<DocLine> file)
    {
        var map = new int?[lines.Count];
        var keys = file.Select(l => Key(l.Text)).ToArray();
        var next = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var key = Key(lines[i].Text);
            if (key.Length < 4) continue;
            for (var j = next; j < file.Count; j++)
            {
                var candidate = keys[j];
                if (candidate.Length < 4 || !(key.StartsWith(candidate, StringComparison.Ordinal) || candidate.StartsWith(key, StringComparison.Ordinal))) continue;
                map[i] = j + 1;
                next = j + 1;
                break;
            }
        }
        return map;
    }

    // Letters and digits of the first words, so markup and spacing differences do not matter.
    private static string Key(string text)
    {
        Span<char> letters = stackalloc char[40];
        var n = 0;
        for (var i = 0; i < text.Length && n < letters.Length; i++)
            if (char.IsLetterOrDigit(text[i])) letters[n++] = text[i];
        Span<char> lower = stackalloc char[40];
        n = letters[..n].ToLowerInvariant(lower); // as string.ToLowerInvariant does
        return new string(lower[..n]);
    }

    public KnowledgeDocument Document { get; }
    public IReadOnlyList<DocLine> Lines { get; }

    public Provenance At(int lineNumber, string? excerpt = null) =>
        new(Document.Title, Document.Source, $"line {FileLine(lineNumber)}")
        {
            Excerpt = excerpt is not null ? Shorten(excerpt) : (lineNumber >= 1 && lineNumber <= Lines.Count ? Shorten(Lines[lineNumber - 1].Text) : null),
        };

    /// <summary>The file's line for a line of the text, when the file was given and the line found in it.</summary>
    public int FileLine(int lineNumber) =>
        _fileLines is not null && lineNumber >= 1 && lineNumber <= _fileLines.Length && _fileLines[lineNumber - 1] is { } n ? n : lineNumber;

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..297] + "...";

    internal static DocLine Clean(int number, string raw)
    {
        var indented = raw.Length > 0 && char.IsWhiteSpace(raw[0]) && raw.Trim().Length > 0;
        var text = StripMarkup(raw).Trim();
        var bullet = false;
        int? item = null;
        var b = BulletMarker().Match(text);
        if (b.Success)
        {
            bullet = true;
            text = text[b.Length..].Trim();
        }
        var n = NumberMarker().Match(text);
        if (n.Success && int.TryParse(n.Groups[1].Value, out var k) && k < 100)
        {
            item = k;
            text = text[n.Length..].Trim();
        }
        var letters = 0;
        var allUpper = true;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            allUpper &= char.IsUpper(c);
        }
        var allCaps = letters >= 8 && allUpper;
        return new DocLine(number, raw, text, indented, bullet, item, allCaps);
    }

    /// <summary>Removes Markdown/HTML presentation so patterns see words only.</summary>
    internal static string StripMarkup(string s)
    {
        // Most lines have no markup, special space or run of blanks: nothing below would change them.
        if (s.AsSpan().IndexOfAny(MarkupChars) < 0 && !s.Contains("  ", StringComparison.Ordinal)) return s;
        s = HtmlTag().Replace(s, "");
        s = s.Replace("**", "").Replace("__", "");
        s = Emphasis().Replace(s, "$1");
        s = StrayAsterisk().Replace(s, ""); // an emphasis mark left unbalanced by conversion ("Panel one: *The Contribution")
        s = HeadingMarker().Replace(s, "");
        s = MarkdownEscape().Replace(s, "$1");
        s = s.Replace('\u00A0', ' ').Replace('\u2009', ' ').Replace('\u202F', ' ');
        return Spaces().Replace(s, " ");
    }

    // What the replacements below look for: tags, emphasis, headings, escapes, special spaces, tabs.
    private static readonly SearchValues<char> MarkupChars = SearchValues.Create("<*_#\\\u00A0\u2009\u202F\t");

    [GeneratedRegex(@"<[^>]{1,40}>")] private static partial Regex HtmlTag();
    [GeneratedRegex(@"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])")] private static partial Regex Emphasis();
    [GeneratedRegex(@"(?<=\S)\*+(?=\s|$)|(?<=^|\s)\*+(?=\w)")] private static partial Regex StrayAsterisk();
    [GeneratedRegex(@"^\s*#{1,6}\s+")] private static partial Regex HeadingMarker();
    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!$])")] private static partial Regex MarkdownEscape();
    [GeneratedRegex(@"[ \t]+")] private static partial Regex Spaces();
    [GeneratedRegex(@"^(?:[-•▪●◦–]|\*|o(?=\s))\s+")] private static partial Regex BulletMarker();
    [GeneratedRegex(@"^(\d{1,2})[.)]\s+(?=\S)")] private static partial Regex NumberMarker();
}
