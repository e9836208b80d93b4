using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DelegateBot.Core.Knowledge.Ingestion;

/// <summary>
/// Finds a document's own title from its structure, in order of reliability: the format's declared title, the
/// first top-level heading, a "Report of the Secretary-General" title page (with the document symbol), the
/// subject of a letter, an ALL-CAPS title line, the first title-like line; the file name only as a last resort.
/// </summary>
internal static partial class TitleExtractor
{
    private const int HeaderWindow = 30;

    public static string Extract(IReadOnlyList<Paragraph> paragraphs, string? hint, string fileName)
    {
        if (!string.IsNullOrWhiteSpace(hint) && hint.Length >= 4) return hint.Trim();
        var head = paragraphs.Take(HeaderWindow).ToList();

        var top = head.Where(p => p.Kind == ParagraphKind.Heading && p.HeadingLevel > 0 && p.Text.Length > 3)
            .OrderBy(p => p.HeadingLevel).ThenBy(p => p.FirstLine).FirstOrDefault();
        // "Objective 1" followed by "Objective 2": the first of a series of parts, not the document's title.
        if (top is not null && SeriesHeading().Match(top.Text) is { Success: true } series
            && head.Any(p => p != top && p.Kind == ParagraphKind.Heading && p.Text.StartsWith(series.Groups[1].Value + " ", StringComparison.Ordinal)))
            top = null;
        // A heading after a letter's opening ("Annex: Provisional programme" after "Excellency, ...") titles a part of it.
        if (top is not null && head.TakeWhile(p => p != top).Any(p => LetterOpening().IsMatch(p.Text))) top = null;
        if (top is not null && IsMarkdownHeading(top))
        {
            // A bilingual text leads with the other language ("Statuut van de ..." then "Constitution of the ..."):
            // the delegates ask in English, so the English heading that follows is the title.
            if (!EnglishWords().IsMatch(top.Text))
            {
                var english = head.Where(p => IsMarkdownHeading(p) && p.FirstLine > top.FirstLine).Take(2)
                    .FirstOrDefault(p => EnglishWords().IsMatch(p.Text) && DocumentParser.WordCount(p.Text) >= 3);
                if (english is not null) return Tidy(english.Text);
            }
            return Tidy(top.Text);
        }

        return ReportTitle(head) ?? LetterSubject(head) ?? CapsTitle(head) ?? FirstTitleLine(head) ?? FromFileName(fileName);
    }

    // Markdown headings keep HeadingLevel from the "#" marks; inferred headings (ALL CAPS, "II.") use levels too,
    // so a markdown heading is recognised by not being one of the inferred shapes.
    private static bool IsMarkdownHeading(Paragraph p) => p.Kind == ParagraphKind.Heading && p.FromMarkdown;

    /// <summary>"International migration and development / Report of the Secretary-General" -> one title with the symbol.</summary>
    private static string? ReportTitle(List<Paragraph> head)
    {
        var index = head.FindIndex(p => ReportLine().IsMatch(p.Text));
        if (index < 0) return null;
        var report = Tidy(head[index].Text);
        string? subject = null;
        for (var i = index - 1; i >= 0 && i >= index - 3; i--)
        {
            var t = head[i].Text;
            if (t.Contains(':') || SymbolPattern().IsMatch(t) || DatePattern().IsMatch(t) || t.Length < 6) continue;
            if (head[i].Kind is ParagraphKind.ShortLine or ParagraphKind.Heading) { subject = Tidy(t); break; }
        }
        var symbol = head.Take(Math.Max(index, 6)).Select(p => SymbolPattern().Match(p.Text)).FirstOrDefault(m => m.Success)?.Value;
        var title = subject is null ? report : $"{report}: {subject}";
        return symbol is null ? title : $"{title} ({symbol})";
    }

    /// <summary>A letter's subject: the longest capitalised name in its first sentence (the event it is about).</summary>
    private static string? LetterSubject(List<Paragraph> head)
    {
        var start = head.FindIndex(p => LetterOpening().IsMatch(p.Text));
        if (start < 0) return null;
        // "Letter dated ... from X addressed to Y" names the sender; the subject is in the body that follows.
        if (head[start].Text.StartsWith("Letter dated", StringComparison.Ordinal)) start++;
        foreach (var p in head.Skip(start).Where(p => p.Kind == ParagraphKind.Prose).Take(2))
        {
            var firstSentence = SentenceEnd().Split(p.Text)[0];
            var best = CapitalisedPhrase().Matches(firstSentence).Select(m => m.Value.Trim())
                .Where(v => CapitalisedWords(v) >= 3).OrderByDescending(v => v.Length).FirstOrDefault();
            if (best is not null) return best;
        }
        return null;
    }

    private static string? CapsTitle(List<Paragraph> head)
    {
        foreach (var p in head.Take(10))
        {
            var m = CapsRun().Match(p.Text);
            if (m.Success && DocumentParser.WordCount(m.Value) >= 3) return TitleCase(m.Value.Trim());
        }
        return null;
    }

    private static string? FirstTitleLine(List<Paragraph> head)
    {
        var i = head.FindIndex(p => p.Kind is ParagraphKind.Heading or ParagraphKind.ShortLine && !p.Text.StartsWith('[')
                                    && DocumentParser.WordCount(p.Text) >= 2 && !DatePattern().IsMatch(p.Text) && !SymbolPattern().IsMatch(p.Text));
        if (i < 0) return null;
        var title = Tidy(head[i].Text);
        // "SIDE EVENT" / "Harnessing Diaspora Skills for Sustainable Development": a kind of document, then its name.
        if (DocumentParser.WordCount(title) <= 3 && i + 1 < head.Count && head[i + 1].Kind is ParagraphKind.Heading or ParagraphKind.ShortLine
            && DocumentParser.WordCount(head[i + 1].Text) >= 3 && !DatePattern().IsMatch(head[i + 1].Text))
            title = $"{title}: {Tidy(head[i + 1].Text)}";
        return title;
    }

    private static string FromFileName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName).Replace('_', ' ').Replace('-', ' ');
        name = Regex.Replace(name, @"\s+", " ").Trim();
        return name.Length == 0 ? fileName : char.ToUpperInvariant(name[0]) + name[1..];
    }

    private static string Tidy(string t) => DocumentParser.IsAllCaps(t) ? TitleCase(t) : t.Trim().TrimEnd(':').Trim();

    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "on", "the", "and", "to", "for", "in", "by", "with", "from", "at", "a", "an", "or",
    };

    internal static string TitleCase(string caps)
    {
        var words = caps.ToLower(CultureInfo.InvariantCulture).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0) sb.Append(' ');
            var w = words[i];
            if (i > 0 && SmallWords.Contains(w)) { sb.Append(w); continue; }
            // Capitalise each hyphenated part: HIGH-LEVEL -> High-Level.
            var parts = w.Split('-');
            sb.Append(string.Join('-', parts.Select(x => x.Length == 0 ? x : char.ToUpperInvariant(x[0]) + x[1..])));
        }
        return sb.ToString();
    }

    private static int CapitalisedWords(string phrase) => phrase.Split(' ').Count(w => w.Length > 0 && char.IsUpper(w[0]));

    [GeneratedRegex(@"\b(?:of|the|and|for|on|against|to|with)\b")]
    private static partial Regex EnglishWords();

    [GeneratedRegex(@"^(\p{L}+)\s+(?:\d{1,3}|[IVXL]{1,5})$")]
    private static partial Regex SeriesHeading();

    [GeneratedRegex(@"^(?:Report|Note) (?:of|by) the [A-Z][\w-]*(?:[ -][A-Z][\w-]*)*\.?$")]
    private static partial Regex ReportLine();

    /// <summary>United Nations document symbols: A/63/269, A/RES/63/225, UN/POP/MIG-5CM/2006/07.</summary>
    [GeneratedRegex(@"\b[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.-]*){2,}\b")]
    internal static partial Regex SymbolPattern();

    [GeneratedRegex(@"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:19|20)\d\d\b")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?:Excellency|Dear\b|Sir,|Madam|Letter dated|I have the (?:honour|honor|pleasure))")]
    private static partial Regex LetterOpening();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();

    /// <summary>A run of capitalised words with short connectors inside: "Informal Thematic Debate on International Migration and Development".</summary>
    [GeneratedRegex(@"(?:[A-Z][\p{L}'’-]+)(?:\s+(?:(?:of|on|and|for|the|in|to)\s+)*[A-Z][\p{L}'’-]+)+")]
    internal static partial Regex CapitalisedPhrase();

    [GeneratedRegex(@"^[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]*)+(?=\s+[A-Z][a-z]|\s*$|\s*[,(])")]
    private static partial Regex CapsRun();
}
