using System.Text;

namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>A sentence of prose with the line it starts on (for provenance) and its index in the document.</summary>
internal sealed record Sentence(int Index, int Line, string Text);

/// <summary>Splits paragraphs (runs of non-blank lines) into sentences, keeping abbreviations such as "Mr." and "a.m." whole.</summary>
internal static partial class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "ms", "mrs", "dr", "prof", "h.e", "st", "no", "nos", "e.g", "i.e", "a.m", "p.m", "u.n", "u.s", "etc", "corr", "vs",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "rev", "add", "para", "paras", "art", "amb",
        "hon", "sr", "jr", "co", "inc", "ltd", "vol", "p", "pp", "fig",
    };

    public static List<Sentence> Split(DocumentLines doc)
    {
        var lines = doc.Lines;
        var result = new List<Sentence>();
        var buffer = new StringBuilder();
        var offsets = new List<(int Offset, int Line)>();

        void Flush()
        {
            if (buffer.Length > 0) SplitParagraph(buffer.ToString(), offsets, result);
            buffer.Clear();
            offsets.Clear();
        }

        foreach (var line in lines)
        {
            // Blank lines, list items and short heading-like lines end a paragraph.
            if (line.IsBlank) { Flush(); continue; }
            // List items, programme lines ("10:00-11:30 ...") and date lines stand alone.
            var alone = line.Bullet || line.ItemNumber is not null || TimeExpressions.TryParseLineStart(line.Text, out _, out _)
                || doc.WholeLineDate(line) is not null || LabelLine().IsMatch(line.Text);
            if (alone) Flush();
            if (buffer.Length > 0) buffer.Append(' ');
            offsets.Add((buffer.Length, line.Number));
            buffer.Append(line.AllCaps ? TitleCase(line.Text) : CapitalRuns().Replace(line.Text, m => TitleCase(m.Value)));
            if (alone) Flush();
        }
        Flush();
        return result;
    }

    private static void SplitParagraph(string text, List<(int Offset, int Line)> offsets, List<Sentence> into)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?' or ';')) continue;
            var j = i + 1;
            while (j < text.Length && text[j] is '"' or '\'' or '”' or '’' or ')') j++;
            if (j < text.Length && text[j] != ' ') continue;
            var k = j;
            while (k < text.Length && text[k] == ' ') k++;
            if (k < text.Length && !(char.IsUpper(text[k]) || char.IsDigit(text[k]) || text[k] is '"' or '“' or '(' or '\'')) continue;
            if (c == '.' && IsAbbreviation(text, i)) continue;
            Add(text[start..j], start, offsets, into);
            start = k;
        }
        if (start < text.Length) Add(text[start..], start, offsets, into);
    }

    private static void Add(string sentence, int offset, List<(int Offset, int Line)> offsets, List<Sentence> into)
    {
        var s = sentence.Trim();
        if (s.Length == 0) return;
        var at = offsets.Count - 1;
        while (offsets[at].Offset > offset) at--; // the line the sentence starts on
        var line = offsets[at].Line;
        into.Add(new Sentence(into.Count, line, s));
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var b = dot - 1;
        while (b >= 0 && (char.IsLetter(text[b]) || text[b] == '.')) b--;
        var word = text[(b + 1)..dot];
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "John F. Kennedy"
        return Abbreviations.Contains(word);
    }

    /// <summary>"FIFTH COORDINATION MEETING ON INTERNATIONAL MIGRATION" -> "Fifth Coordination Meeting on International Migration".</summary>
    internal static string TitleCase(string text)
    {
        var small = new HashSet<string> { "on", "of", "and", "the", "for", "in", "to", "a", "an", "at", "by", "with" };
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i].ToLowerInvariant();
            if (i > 0 && small.Contains(w)) { words[i] = w; continue; }
            words[i] = w.Length > 0 && words[i].Length <= 5 && words[i].All(ch => char.IsUpper(ch) || !char.IsLetter(ch)) && IsAcronymLike(words[i])
                ? words[i]
                : w.Length > 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w;
        }
        return string.Join(' ', words);
    }

    // "Registration deadline: 2 March 2007", "Venue: Geneva": a label line is a statement of its own.
    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Z][\w /'-]{2,40}:\s+\S[^.]{0,80}$")]
    private static partial System.Text.RegularExpressions.Regex LabelLine();

    // Three or more words in capitals inside a mixed line ("FIFTH COORDINATION MEETING ON ... Population Division").
    [System.Text.RegularExpressions.GeneratedRegex(@"\b[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]+){2,}\b")]
    private static partial System.Text.RegularExpressions.Regex CapitalRuns();

    // Short all-capital words with digits or slashes are codes ("UN/POP/MIG-5CM/2006/07"), keep them.
    private static bool IsAcronymLike(string w) => w.Any(ch => char.IsDigit(ch) || ch == '/');
}
