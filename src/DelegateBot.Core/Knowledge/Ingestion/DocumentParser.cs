using System.Text.RegularExpressions;

namespace DelegateBot.Core.Knowledge.Ingestion;

/// <summary>
/// Rebuilds the paragraphs of a converted document from its cleaned lines: wrapped lines joined, a paragraph
/// that a page break (or a figure, a box, page furniture) cut in two joined again, and each paragraph
/// classified (heading, short line, numbered/lettered prose, list item, programme line).
/// </summary>
internal static partial class DocumentParser
{
    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "on", "the", "and", "to", "for", "in", "by", "with", "from", "at", "a", "an", "or", "as", "into", "its", "their",
    };

    public static List<Paragraph> Parse(string text)
    {
        var lines = LineCleaner.Clean(text);
        var paragraphs = BuildLogicalLines(lines);
        RemoveTableOfContents(paragraphs);
        JoinAcrossBreaks(paragraphs);
        foreach (var p in paragraphs) Classify(p);
        InferMissingNumbers(paragraphs);
        return paragraphs;
    }

    private static List<Paragraph> BuildLogicalLines(IReadOnlyList<CleanLine?> lines)
    {
        var result = new List<Paragraph>();
        var block = 0;
        var pageBreak = false;
        Paragraph? current = null;
        foreach (var line in lines)
        {
            if (line is null || line.PageBreak)
            {
                if (current is not null) block++;
                current = null;
                pageBreak |= line?.PageBreak == true;
                continue;
            }
            if (current is not null && line.HeadingLevel == 0 && current.HeadingLevel == 0 && !line.Bullet
                && !IsItemStart(line.Text) && !ProgrammeTime().IsMatch(line.Text) && ShouldJoin(current.Text, line.Text))
            {
                current.Text = JoinText(current.Text, line.Text);
                current.LastLine = line.Number;
                continue;
            }
            current = new Paragraph
            {
                Kind = ParagraphKind.Prose, Text = line.Text, FirstLine = line.Number, LastLine = line.Number,
                Block = block, HeadingLevel = line.HeadingLevel, FromMarkdown = line.HeadingLevel > 0,
                // "- 15. The organization ..." is numbered paragraph 15 that a conversion bulleted.
                Bullet = line.Bullet && !NumberedStart().IsMatch(line.Text),
                AfterPageBreak = pageBreak,
            };
            pageBreak = false;
            result.Add(current);
        }
        return result;
    }

    /// <summary>A table of contents ("Contents" then titles ending in page numbers) repeats the headings: drop it.</summary>
    private static void RemoveTableOfContents(List<Paragraph> paragraphs)
    {
        var start = paragraphs.FindIndex(p => ContentsHeading().IsMatch(p.Text));
        if (start < 0) return;
        var end = start + 1;
        while (end < paragraphs.Count && (TocEntry().IsMatch(paragraphs[end].Text) || paragraphs[end].Text.Equals("Page", StringComparison.OrdinalIgnoreCase))) end++;
        if (end - start >= 3) paragraphs.RemoveRange(start, end - start);
    }

    /// <summary>Does <paramref name="next"/> continue the wrapped line <paramref name="prev"/>?</summary>
    private static bool ShouldJoin(string prev, string next)
    {
        if (StartsLower(next)) return true;
        if (IsAllCaps(prev) && IsAllCaps(next) && !".?!:;".Contains(prev[^1])) return true; // a capitals title over lines
        if (".?!:;".Contains(prev[^1])) return false;
        if (prev[^1] is ',' or '-' or '–') return true;
        if (EndsWithConnector(prev)) return true;
        // "Mr. Habib El Malki, President of ..." over "Mr. Hakim Benchamach, President of ...": a list of people, one a line;
        // "Speakers: ..." under a programme line: a line of its own.
        if ((PersonStart().IsMatch(prev) && PersonStart().IsMatch(next)) || LineCleaner.Labelled(next)) return false;
        // Hard-wrapped prose (PDF, fixed-width text): a long line stopping mid-sentence, not before a heading.
        return prev.Length >= 60 && (char.IsLower(prev[^1]) || prev[^1] == ',') && !RomanHeading().IsMatch(next) && !LetterHeading().IsMatch(next);
    }

    /// <summary>
    /// A paragraph that starts in lower case continues the nearest earlier paragraph left open (no closing
    /// punctuation): the text between them (page number, running header, a box or figure) is moved after it.
    /// </summary>
    private static void JoinAcrossBreaks(List<Paragraph> paragraphs)
    {
        for (var i = 1; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (p.HeadingLevel > 0 || IsItemStart(p.Text)) continue;
            if (!StartsLower(p.Text))
            {
                // "... it launched the" | page break | "United Nations Global Initiative ...": a sentence cut after
                // a word that cannot end one continues even when the next page starts with a capital.
                var prev = paragraphs[i - 1];
                // "... the cost is even higher:" | "12 percent.": a sentence a transcript broke at its colon, ending in
                // a few words of its own (an address or a list after a colon has no closing full stop).
                var endsColonSentence = prev.HeadingLevel == 0 && !prev.Bullet && prev.Text.EndsWith(':') && !p.Bullet
                    && p.Text.EndsWith('.') && WordCount(p.Text) <= 4 && char.IsDigit(p.Text[0]) && !prev.Text.Contains(". ");
                if (endsColonSentence || (p.AfterPageBreak && !p.Bullet && prev.HeadingLevel == 0 && prev.Text.Length >= 60 && EndsWithConnector(prev.Text)
                    && !IsAllCaps(p.Text) && !RomanHeading().IsMatch(p.Text) && !LetterHeading().IsMatch(p.Text)))
                {
                    prev.Text = JoinText(prev.Text, p.Text);
                    prev.LastLine = Math.Max(prev.LastLine, p.LastLine);
                    paragraphs.RemoveAt(i);
                    i--;
                }
                continue;
            }
            for (var j = i - 1; j >= Math.Max(0, i - 6); j--)
            {
                var target = paragraphs[j];
                if (target.HeadingLevel > 0) break;
                // A paragraph left open after a comma continues whatever its length ("To send money to Africa," | "the cost is ...").
                var open = target.EndsOpen && (target.Text.Length >= 40 || target.Text.EndsWith(','));
                if (open && !(p.Bullet && target.Bullet))
                {
                    target.Text = JoinText(target.Text, p.Text);
                    target.LastLine = Math.Max(target.LastLine, p.LastLine);
                    paragraphs.RemoveAt(i);
                    i--;
                    break;
                }
                if (target.EndsOpen && target.Text.Length >= 40) break; // an open paragraph of another kind: not ours
            }
        }
    }

    private static bool EndsWithConnector(string text) => Connectors.Contains(LastWord().Match(text).Value);

    private static void Classify(Paragraph p)
    {
        var t = p.Text;
        if (p.HeadingLevel > 0)
        {
            p.Kind = ParagraphKind.Heading;
            return;
        }
        if (ProgrammeTime().IsMatch(t))
        {
            p.Kind = ParagraphKind.ProgrammeLine;
            return;
        }
        var numbered = NumberedStart().Match(t);
        if (numbered.Success)
        {
            var rest = numbered.Groups[2].Value;
            if (IsShortTitle(rest, 12) && !p.Bullet)
            {
                SetHeading(p, 2);
                return;
            }
            p.Number = numbered.Groups[1].Value;
            p.Kind = ParagraphKind.Prose;
            p.Bullet = false;
            return;
        }
        var lettered = LetteredStart().Match(t);
        if (lettered.Success)
        {
            p.Number = lettered.Groups[1].Value;
            p.Lettered = true;
            p.Kind = ParagraphKind.Prose;
            return;
        }
        if ((RomanHeading().IsMatch(t) && IsShortTitle(t, 25)) || (LetterHeading().IsMatch(t) && IsShortTitle(t, 20)))
        {
            SetHeading(p, RomanHeading().IsMatch(t) ? 1 : 2);
            return;
        }
        if (IsAllCaps(t) && WordCount(t) <= 15 && !p.Bullet)
        {
            SetHeading(p, 2);
            return;
        }
        if (p.Bullet)
        {
            p.Kind = ParagraphKind.ListItem;
            return;
        }
        p.Kind = IsShortTitle(t, 14) ? ParagraphKind.ShortLine : ParagraphKind.Prose;
    }

    private static void SetHeading(Paragraph p, int level)
    {
        p.Kind = ParagraphKind.Heading;
        p.HeadingLevel = level;
    }

    /// <summary>
    /// A conversion can drop a paragraph's number ("- The present report ..." between 2 and 4): a long
    /// unnumbered paragraph between numbered paragraphs k-1 and k+1 is paragraph k.
    /// </summary>
    private static void InferMissingNumbers(List<Paragraph> paragraphs)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (p.Kind is not (ParagraphKind.Prose or ParagraphKind.ListItem) || p.Number is not null || WordCount(p.Text) < 25) continue;
            var prev = FindNumbered(paragraphs, i, -1);
            var next = FindNumbered(paragraphs, i, +1);
            if (prev is int a && next is int b && b == a + 2)
            {
                p.Number = (a + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                p.Kind = ParagraphKind.Prose;
                p.Bullet = false;
            }
        }
    }

    private static int? FindNumbered(List<Paragraph> paragraphs, int from, int step)
    {
        for (var j = from + step; j >= 0 && j < paragraphs.Count && Math.Abs(j - from) <= 3; j += step)
        {
            var q = paragraphs[j];
            if (q.Number is not null && !q.Lettered) return int.Parse(q.Number, System.Globalization.CultureInfo.InvariantCulture);
            if (q.Kind is ParagraphKind.Prose or ParagraphKind.ListItem && WordCount(q.Text) >= 25) return null;
        }
        return null;
    }

    internal static bool IsShortTitle(string t, int maxWords)
    {
        if (t.Length == 0 || WordCount(t) > maxWords) return false;
        if (".?!:;,".Contains(t[^1])) return false;
        var first = t.TrimStart('"', '“', '\'', '‘', '(', '[');
        return first.Length > 0 && (char.IsUpper(first[0]) || char.IsDigit(first[0]));
    }

    internal static bool IsAllCaps(string t)
    {
        var letters = 0;
        foreach (var c in t)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters >= 4;
    }

    internal static int WordCount(string t) => Words().Count(t);

    internal static bool StartsLower(string t)
    {
        foreach (var c in t)
        {
            if (char.IsLetter(c)) return char.IsLower(c);
            if (char.IsDigit(c)) return false;
        }
        return false;
    }

    private static string JoinText(string a, string b) =>
        a.EndsWith('-') && a.Length > 1 && char.IsLower(a[^2]) && StartsLower(b) ? a + b : a + " " + b;

    private static bool IsItemStart(string t) => NumberedStart().IsMatch(t) || LetteredStart().IsMatch(t);

    /// <summary>"15:00 – 17:40 ...", "09:45-10:15 ...", "10.00–11.30 ...": a timed programme line.</summary>
    [GeneratedRegex(@"^\d{1,2}[:.h]\d{2}\s*(?:[-–—]|to)\s*\d{1,2}[:.h]\d{2}\b")]
    internal static partial Regex ProgrammeTime();

    [GeneratedRegex(@"^(?:Table of )?Contents$", RegexOptions.IgnoreCase)]
    private static partial Regex ContentsHeading();

    [GeneratedRegex(@"^\S.{0,200}?\s\.?\s*\d{1,3}$")]
    private static partial Regex TocEntry();

    [GeneratedRegex(@"^(\d{1,3})[.)]\s+(\S.*)$")]
    private static partial Regex NumberedStart();

    [GeneratedRegex(@"^\(?([a-z])\)\s+(\S.*)$")]
    private static partial Regex LetteredStart();

    [GeneratedRegex(@"^(?:H\.\s?E\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Professor|Sir|Dame|Ambassador|Hon\.|Rev\.|Senator)\s+[A-Z]")]
    private static partial Regex PersonStart();

    [GeneratedRegex(@"^[IVXL]{1,5}\.\s+\S")]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"^[A-H]\.\s+[A-Z]")]
    private static partial Regex LetterHeading();

    [GeneratedRegex(@"[\p{L}\p{N}]+$")]
    private static partial Regex LastWord();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’.-]*")]
    private static partial Regex Words();
}
