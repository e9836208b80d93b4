using System.Text.RegularExpressions;

namespace DelegateBot.Core.Knowledge.Ingestion;

/// <summary>One source line after clean-up, with its 1-based line number in the original file.</summary>
internal sealed record CleanLine(int Number, string Text, int HeadingLevel, bool Bullet)
{
    /// <summary>A page break (form feed) or page furniture was here: nothing to keep, but a page ended.</summary>
    public bool PageBreak { get; init; }
}

/// <summary>
/// Line-level repair of converted documents: markup (markdown emphasis, escapes, &lt;sup&gt;, tags), footnote
/// markers, OCR slips ("&amp;10 million" for "€10 million"), bullets and page furniture ("08-45678 **9**").
/// Structure (paragraphs, headings) is rebuilt from these lines by <see cref="DocumentParser"/>.
/// </summary>
internal static partial class LineCleaner
{
    public static IReadOnlyList<CleanLine?> Clean(string text)
    {
        var raw = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var result = new List<CleanLine?>(raw.Length);
        string[]? header = null;
        for (var i = 0; i < raw.Length; i++)
        {
            if (TableRow().IsMatch(raw[i]))
            {
                header = TableLines(i + 1, raw[i], header, result);
                continue;
            }
            header = null;
            result.Add(CleanOne(i + 1, raw[i]));
        }
        return result;
    }

    /// <summary>
    /// A markdown table row ("| 11:30 – 13:00 | Session 2: ... | Mr. Paul Tembo, ... |") as the lines a programme
    /// would have: the first cells on one line, each further cell on its own line labelled with its column's
    /// header ("Speaker: Mr. Paul Tembo, ..."). The header row names the columns; the |---| row is dropped.
    /// </summary>
    private static string[]? TableLines(int number, string row, string[]? header, List<CleanLine?> result)
    {
        var cells = row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        if (cells.All(c => TableRule().IsMatch(c))) return header;
        if (header is null) return cells; // the first row names the columns
        result.Add(null);
        var lead = cells.Length > 1 && Ingestion.DocumentParser.ProgrammeTime().IsMatch(cells[0]) ? $"{cells[0]} {cells[1]}" : cells[0];
        var first = lead.Length == 0 ? null : CleanOne(number, lead);
        if (first is not null) result.Add(first);
        for (var c = lead == cells[0] ? 1 : 2; c < cells.Length; c++)
        {
            if (cells[c].Length == 0) continue;
            // A cell with its own label ("Moderator: Ms. Farah Haddad") keeps it rather than its column's ("Speakers").
            var label = c < header.Length && header[c].Length > 0 && !Labelled(cells[c]) ? header[c] + ": " : "";
            if (CleanOne(number, label + cells[c]) is { } line) result.Add(line);
        }
        return header;
    }

    /// <summary>Null for a line that carries nothing (blank, rule): it separates paragraphs.</summary>
    internal static CleanLine? CleanOne(int number, string line)
    {
        if (line.Contains('\f') && line.Replace('\f', ' ').Trim().Length == 0) return new CleanLine(number, "", 0, false) { PageBreak = true };
        var s = line.Replace('\t', ' ').Replace('\u00A0', ' ').Replace("\u00AD", "").Replace('\f', ' ');
        s = PrivateUseBullet().Replace(s, "- ");
        s = PrivateUse().Replace(s, "");
        s = SupTag().Replace(s, "$1");
        s = CaretFootnote().Replace(s, "");
        s = AnyTag().Replace(s, "");
        s = SuperscriptDigits().Replace(s, "");
        s = MarkdownEscape().Replace(s, "$1");
        s = EuroSlip().Replace(s, "€");
        s = s.Trim();
        if (s.Length == 0 || Rule().IsMatch(s)) return null;

        var level = 0;
        var heading = MarkdownHeading().Match(s);
        if (heading.Success)
        {
            level = heading.Groups[1].Length;
            s = heading.Groups[2].Value;
        }

        var bullet = false;
        for (var m = BulletMark().Match(s); m.Success && level == 0; m = BulletMark().Match(s))
        {
            bullet = true;
            s = s[m.Length..];
        }

        // "**Name** Role" at the start of an item: the emphasis is the only boundary between name and role.
        s = LeadingEmphasis().Replace(s, m => m.Groups[2].Value.EndsWith(':') ? m.Groups[2].Value + " " : m.Groups[2].Value + ", ");
        s = StrongPair().Replace(s, "$1");
        s = Emphasis().Replace(s, "$1");
        s = FootnoteStar().Replace(s, "");
        s = StrongMarks().Replace(s, "");
        s = StrayStar().Replace(s, "");
        s = Spaces().Replace(s, " ").Trim();
        if (s.Length == 0 || s == "*") return null;
        if (PageFurniture().IsMatch(s)) return new CleanLine(number, "", 0, false) { PageBreak = true };
        return new CleanLine(number, s, level, bullet);
    }

    [GeneratedRegex(@"^\s*\|.*\|\s*$")]
    private static partial Regex TableRow();

    /// <summary>A line that starts with its own label: "Moderator: Ms. Farah Haddad", "Speakers: ...".</summary>
    internal static bool Labelled(string line) => LabelStart().IsMatch(line);

    [GeneratedRegex(@"^[A-Z][\w'’ -]{0,30}:\s+\S")]
    private static partial Regex LabelStart();

    [GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^\s*[\uF0A7\uF0B7\uF076\uF0D8\uF0FC\uF06E]\s*")]
    private static partial Regex PrivateUseBullet();

    [GeneratedRegex(@"[\uE000-\uF8FF]")]
    private static partial Regex PrivateUse();

    [GeneratedRegex(@"<sup>(.*?)</sup>", RegexOptions.IgnoreCase)]
    private static partial Regex SupTag();

    [GeneratedRegex(@"\^\{[^}]*\}")]
    private static partial Regex CaretFootnote();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")]
    private static partial Regex SuperscriptDigits();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!$&|<>~])")]
    private static partial Regex MarkdownEscape();

    /// <summary>OCR reads "€" as "&amp;" before an amount; "&amp;" never precedes a digit in prose.</summary>
    [GeneratedRegex(@"&(?=\d)")]
    private static partial Regex EuroSlip();

    [GeneratedRegex(@"^(?:-{3,}|\*{3,}|_{3,}|={3,}|(?:- ){3,}-?)$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^(#{1,6})\s*(.+?)\s*#*$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(?:[-•▪◦●·‣∙]|\*(?=\s)|o(?=\s+\S))\s+")]
    private static partial Regex BulletMark();

    [GeneratedRegex(@"^(\*{1,3})([^*]+?)\1\s+(?=[\p{L}\p{N}(*])")]
    private static partial Regex LeadingEmphasis();

    [GeneratedRegex(@"\*\*(?=\S)(.+?)(?<=\S)\*\*")]
    private static partial Regex StrongPair();

    [GeneratedRegex(@"\*{2,}|_{2,}(?=\S)|(?<=\S)_{2,}")]
    private static partial Regex StrongMarks();

    /// <summary>An unpaired emphasis star left by a broken conversion ("*The Contribution ...").</summary>
    [GeneratedRegex(@"(?<=^|\s)\*(?=\p{L})")]
    private static partial Regex StrayStar();

    [GeneratedRegex(@"(?<![\p{L}\p{N}*])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\p{L}\p{N}*])")]
    private static partial Regex Emphasis();

    /// <summary>A footnote star after a word ("preliminary list*"), not a bullet or a multiplication.</summary>
    [GeneratedRegex(@"(?<=[\p{L}\p{N}.)])\*(?=[\s.,;:)]|$)|^\*(?=\s)")]
    private static partial Regex FootnoteStar();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    /// <summary>UN job numbers with page numbers ("08-45678 9", "9 08-45678"), bare page numbers, "Page 3 of 9".</summary>
    [GeneratedRegex(@"^(?:\d{2}-\d{5}(?:\s+\d{1,4})?|\d{1,4}\s+\d{2}-\d{5}|(?:Page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?|-\s*\d{1,3}\s*-)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageFurniture();
}
