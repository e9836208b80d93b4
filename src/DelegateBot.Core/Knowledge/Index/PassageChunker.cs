using System.Text.RegularExpressions;
using DelegateBot.Core.Knowledge.Ingestion;

namespace DelegateBot.Core.Knowledge.Index;

internal enum ChunkKind { Prose, List, Programme, Header }

/// <summary>Paragraphs that are retrieved together, with a place a person can find.</summary>
internal sealed record Chunk(ChunkKind Kind, IReadOnlyList<Paragraph> Paragraphs, string Location, string? Section, string? Label)
{
    /// <summary>The headings above the section ("Objective 9 / Title: ..." above "Associated actions"), for retrieval.</summary>
    public string? Trail { get; init; }

    /// <summary>For a programme item, the day header it sits under ("Thursday, 19 May 2011", "2018-02-22").</summary>
    public string? Day { get; init; }
}

/// <summary>
/// Cuts a parsed document into passages: a numbered or lettered paragraph, a paragraph with the list it leads
/// into, a programme block (time line, title, chair, panelists, key questions), a run of header lines (title,
/// date, venue). Locations: "paragraph 15", "paragraph (e)", "programme item ...", "section Registration", else
/// the line range.
/// </summary>
internal static partial class PassageChunker
{
    public static List<Chunk> Chunk(IReadOnlyList<Paragraph> paragraphs)
    {
        var chunks = new List<Chunk>();
        var outline = new Outline();
        string? section = null;
        string? day = null;
        var run = new List<Paragraph>();
        var i = 0;
        while (i < paragraphs.Count)
        {
            var p = paragraphs[i];
            if (p.Kind is ParagraphKind.Heading or ParagraphKind.ShortLine)
            {
                run.Add(p);
                i++;
                continue;
            }
            day = run.LastOrDefault(r => DayHeader().IsMatch(r.Text))?.Text ?? day;
            section = FlushRun(run, section, chunks, p, outline);

            if (p.Kind == ParagraphKind.ProgrammeLine)
            {
                var j = i + 1;
                while (j < paragraphs.Count && !EndsProgramme(paragraphs[j])) j++;
                var block = paragraphs.Skip(i).Take(j - i).ToList();
                foreach (var item in block.Where(b => b.Kind == ParagraphKind.Prose && b.Number is not null && !b.Lettered))
                    item.Kind = ParagraphKind.ListItem; // numbered key questions of a panel are a list, not paragraphs
                var where = day is null ? "programme item " : $"programme item ({day}) ";
                chunks.Add(new Chunk(ChunkKind.Programme, block, where + Shorten(p.Text, 70), day is null ? section : $"{section} {day}", p.Text) { Trail = outline.Trail, Day = day });
                i = j;
                continue;
            }

            if (p.Kind == ParagraphKind.ListItem)
            {
                var j = i;
                while (j < paragraphs.Count && paragraphs[j].Kind == ParagraphKind.ListItem) j++;
                var items = paragraphs.Skip(i).Take(j - i).ToList();
                chunks.Add(new Chunk(ChunkKind.List, items, SectionOrLines(section, items), section, section) { Trail = outline.Trail });
                i = j;
                continue;
            }

            // Prose (or a "Label: value" line): with the list it leads into, if any.
            var end = i + 1;
            if (p.IsLeadIn || (end < paragraphs.Count && paragraphs[end].Kind == ParagraphKind.ListItem && paragraphs[end].Block == p.Block))
                end = CollectList(paragraphs, end);
            var members = paragraphs.Skip(i).Take(end - i).ToList();
            chunks.Add(new Chunk(end - i > 1 ? ChunkKind.List : ChunkKind.Prose, members, LocationOf(p, section, members), section, section) { Trail = outline.Trail });
            i = end;
        }
        FlushRun(run, section, chunks, null, outline);
        return chunks;
    }

    /// <summary>The items after a lead-in ("...the following key questions:"): bullets, a renumbered list, address lines.</summary>
    private static int CollectList(IReadOnlyList<Paragraph> paragraphs, int start)
    {
        var j = start;
        var expected = 1;
        while (j < paragraphs.Count)
        {
            var q = paragraphs[j];
            if (q.Kind == ParagraphKind.ListItem) { j++; continue; }
            // Lines of one block right after the lead-in (an address); a later short line starts something else.
            if (q.Kind == ParagraphKind.ShortLine && (j == start || (paragraphs[j - 1].Kind == ParagraphKind.ShortLine && paragraphs[j - 1].Block == q.Block)))
            {
                j++;
                continue;
            }
            if (q.Kind == ParagraphKind.Prose && q.Number is { } n && !q.Lettered && n == expected.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                q.Kind = ParagraphKind.ListItem;
                expected++;
                j++;
                continue;
            }
            if (q.Kind == ParagraphKind.Prose && q.Lettered && (j == start || paragraphs[j - 1].Lettered)) { j++; continue; }
            break;
        }
        return j;
    }

    private static bool EndsProgramme(Paragraph p) =>
        p.Kind == ParagraphKind.ProgrammeLine
        || (p.Kind == ParagraphKind.Heading && (p.FromMarkdown || p.HeadingLevel == 1))
        || DayHeader().IsMatch(p.Text)
        || p.Text.StartsWith('[')
        || (p.Kind == ParagraphKind.Prose && p.Number is null && DocumentParser.WordCount(p.Text) > 40);

    /// <summary>
    /// A run of headings and short lines: it sets the section for what follows (a sure heading always; a short
    /// line only when running text follows it, so "Figure" or "(Signed) A. Name" never name a section), and is
    /// itself a passage when it carries content (a date, a venue, a signature, a "Label: value" line).
    /// </summary>
    private static string? FlushRun(List<Paragraph> run, string? section, List<Chunk> chunks, Paragraph? next, Outline outline)
    {
        if (run.Count == 0) return section;
        // A short line before running text or a bulleted list ("Speakers" above its names) names what follows.
        var followedByText = next is { Kind: ParagraphKind.Prose } && DocumentParser.WordCount(next.Text) >= 20 || next is { Kind: ParagraphKind.ListItem };
        var strong = run.LastOrDefault(p => p.Kind == ParagraphKind.Heading);
        var weak = followedByText ? run.LastOrDefault(p => p.Kind == ParagraphKind.ShortLine && !HasDigit(p.Text) && DocumentParser.WordCount(p.Text) <= 14) : null;
        var heading = weak is not null && (strong is null || run.IndexOf(weak) > run.IndexOf(strong)) ? weak : strong;
        var newSection = heading is not null ? Display(heading.Text) : section;
        if (heading is not null)
            outline.Enter(run.Where(p => p.Kind == ParagraphKind.Heading || p == heading).Select(p => (p.Kind == ParagraphKind.Heading ? p.HeadingLevel : 9, Display(p.Text))));
        // Lines that say something (a date, a venue, a signature, "Label: value" even as a heading) make a passage.
        var content = run.Count(p => (p.Kind == ParagraphKind.ShortLine && p != heading) || LabelValue().IsMatch(p.Text) || DatedHeading().IsMatch(p.Text));
        if (content > 0 || (chunks.Count == 0 && run.Count >= 2))
        {
            var label = Display(run[0].Text);
            chunks.Add(new Chunk(ChunkKind.Header, run.ToList(), newSection is not null ? "section " + newSection : Lines(run), newSection, label) { Trail = outline.Trail });
        }
        run.Clear();
        return newSection;
    }

    /// <summary>The headings in force, by level: a heading closes those of its level and below.</summary>
    private sealed class Outline
    {
        private readonly List<(int Level, string Text)> _open = [];

        public void Enter(IEnumerable<(int Level, string Text)> headings)
        {
            var first = true;
            foreach (var h in headings)
            {
                // Headings of one run stay together ("CHAPTER VII" / "HEADQUARTERS" / "Article 18"); a new run closes its level.
                if (first) _open.RemoveAll(o => o.Level >= h.Level);
                first = false;
                _open.Add(h);
            }
        }

        /// <summary>The open headings above the current section, or null.</summary>
        public string? Trail => _open.Count < 2 ? null : string.Join("\n", _open.Take(_open.Count - 1).Select(o => o.Text));
    }

    private static string LocationOf(Paragraph p, string? section, IReadOnlyList<Paragraph> members)
    {
        if (p.Number is not null) return p.Lettered ? $"paragraph ({p.Number})" : $"paragraph {p.Number}";
        return SectionOrLines(section, members);
    }

    private static string SectionOrLines(string? section, IReadOnlyList<Paragraph> members) =>
        section is not null ? "section " + section : Lines(members);

    private static string Lines(IReadOnlyList<Paragraph> members)
    {
        var first = members.Min(p => p.FirstLine);
        var last = members.Max(p => p.LastLine);
        return first == last ? $"line {first}" : $"lines {first}-{last}";
    }

    /// <summary>Headings in capitals read better in title case ("section Registration").</summary>
    internal static string Display(string heading)
    {
        var t = heading.Trim().TrimEnd(':');
        t = LeadingNumber().Replace(t, "");
        return DocumentParser.IsAllCaps(t) ? TitleExtractor.TitleCase(t) : t;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..text.LastIndexOf(' ', max)] + " …";

    private static bool HasDigit(string t) => t.Any(char.IsDigit);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$|^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+\d{1,2}\s+\w+(?:\s+\d{4})?$|^Day\s+\d+\b", RegexOptions.IgnoreCase)]
    internal static partial Regex DayHeader();

    [GeneratedRegex(@"^(?:(?:[IVXL]+|[A-H])\.|\d{1,2}\.?)\s+(?=\S)")]
    private static partial Regex LeadingNumber();

    /// <summary>"Resolution of 5 December 1951 to establish ...": a heading that dates something says something.</summary>
    [GeneratedRegex(@"\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:19|20)\d{2}\b")]
    private static partial Regex DatedHeading();

    /// <summary>"Morning session: The contribution of migrants to development", "Title: Collect and utilize ...".</summary>
    [GeneratedRegex(@"^[A-Z][\w'’ -]{1,40}:\s+\S+\s+\S+")]
    private static partial Regex LabelValue();
}
