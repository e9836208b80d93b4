using System.Buffers;
using System.Text.RegularExpressions;

namespace DelegateBot.Core.Agenda.Extraction;

internal enum MentionKind
{
    /// <summary>A proper name: "Informal Thematic Debate on International Migration and Development".</summary>
    Named,
    /// <summary>"an experts symposium": a new event without a name.</summary>
    Indefinite,
    /// <summary>"the seminar", "the second meeting": refers to an event named before.</summary>
    Definite,
}

/// <summary>A reference to an event (meeting, forum, seminar...) inside a sentence.</summary>
/// <param name="Head">The event noun, lower case and singular ("debate", "meeting").</param>
/// <param name="Name">Proper name, or a descriptive one for indefinite mentions ("Experts symposium").</param>
/// <param name="Series">For "the first meeting of the Global Forum": "Global Forum" (resolved later to its full name).</param>
internal sealed record EventMention(int Index, int Length, MentionKind Kind, string Head, string? Name, int? Ordinal, string? Series, int? Year)
{
    public int End => Index + Length;
}

/// <summary>Finds event references in a sentence by general English patterns, not by known names.</summary>
internal static partial class EventMentions
{
    private const string Heads = "meeting|forum|conference|seminar|debate|dialogue|summit|hearing|symposium|workshop|consultation|colloquium|congress|retreat|round[- ]?table|event";
    private static readonly HashSet<string> HeadWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "meeting", "forum", "conference", "seminar", "debate", "dialogue", "summit", "hearing", "symposium", "workshop",
        "consultation", "consultations", "colloquium", "congress", "retreat", "roundtable", "round-table", "meetings", "conferences",
    };
    private static readonly string[] OrdinalWords =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
         "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "on", "of", "for", "and", "the", "to", "&", "de", "du", "des", "la", "le" };
    private static readonly HashSet<string> LeadingNoise = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "this", "that", "a", "an", "at", "in", "on", "since", "following", "during", "further", "its", "their", "our", "by", "both",
        "under", "and", "to", "of", "for", "contribution", "as", "after", "before", "with", "from", "all",
    };
    // Words that start an organisation's name rather than continue an event's ("... Population Division Department of ...").
    private static readonly HashSet<string> OrganisationWords = new(StringComparer.Ordinal) { "Division", "Department", "Secretariat", "Ministry", "Mission", "Office" };

    public static int? OrdinalValue(string word)
    {
        var w = word.ToLowerInvariant();
        var i = Array.IndexOf(OrdinalWords, w);
        if (i >= 0) return i + 1;
        var m = NumericOrdinal().Match(w);
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }

    public static string Singular(string head)
    {
        var h = head.ToLowerInvariant().Replace(" ", "").Replace("-", "");
        return h.EndsWith('s') && h != "congress" ? h[..^1] : h;
    }

    public static List<EventMention> Find(string sentence)
    {
        var found = new List<EventMention>();
        if (!MayMentionEvent(sentence)) return found;
        void Add(EventMention m)
        {
            foreach (var f in found)
                if (m.Index < f.End && f.Index < m.End) return;
            found.Add(m);
        }

        for (var m = SeriesPattern().Match(sentence); m.Success; m = m.NextMatch())
        {
            if (m.Groups["resp"].Success) continue;
            Add(new EventMention(m.Index, m.Length, MentionKind.Definite, Singular(m.Groups["head"].Value), null,
                OrdinalValue(m.Groups["ord"].Value), CleanName(m.Groups["name"].Value), null));
        }
        NamedRuns(sentence, Add);
        for (var m = CommonNoun().Match(sentence); m.Success; m = m.NextMatch())
        {
            if (m.Groups["resp"].Success) continue;
            var det = m.Groups["det"].Value.ToLowerInvariant();
            var mods = m.Groups["mods"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            int? ordinal = null, year = null;
            var descriptive = new List<string>();
            foreach (var w in mods)
            {
                if (OrdinalValue(w) is { } o) ordinal = o;
                else if (w.Length == 4 && int.TryParse(w, out var y) && y is > 1900 and < 2100) year = y;
                else if (!DurationWord().IsMatch(w)) descriptive.Add(w);
            }
            var head = Singular(m.Groups["head"].Value);
            var kind = det is "a" or "an" ? MentionKind.Indefinite : MentionKind.Definite;
            string? name = descriptive.Count > 0 ? Capitalise(string.Join(' ', descriptive) + " " + m.Groups["head"].Value) : null;
            Add(new EventMention(m.Index, m.Length, kind, head, name, ordinal, null, year));
        }
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    /// <summary>Runs of capitalised words (with "on", "of", "and"... between them) that contain an event noun.</summary>
    private static void NamedRuns(string sentence, Action<EventMention> add)
    {
        var tokens = Tokens(sentence);
        var i = 0;
        while (i < tokens.Count)
        {
            if (!StartsRun(tokens[i].Value)) { i++; continue; }
            var j = i;
            while (j + 1 < tokens.Count)
            {
                if (!Blank(sentence, tokens[j].Index + tokens[j].Value.Length, tokens[j + 1].Index)) break; // punctuation ends a name
                var next = tokens[j + 1].Value;
                if (IsCapitalised(next) || next.Length == 4 && next.All(char.IsDigit)) { j++; continue; }
                if (Connectors.Contains(next) && j + 2 < tokens.Count && IsCapitalised(tokens[j + 2].Value)
                    && Blank(sentence, tokens[j + 1].Index + next.Length, tokens[j + 2].Index)) { j += 2; continue; }
                break;
            }
            // The run is tokens[first..first + count - 1]; Run(k) is its k-th word.
            var first = i;
            var count = j - i + 1;
            (string Value, int Index) Run(int k) => tokens[first + k];
            i = j + 1;
            var headAt = count - 1;
            while (headAt >= 0 && !(HeadWords.Contains(Run(headAt).Value) && IsCapitalised(Run(headAt).Value))) headAt--;
            if (headAt < 0) continue;
            // Keep the words before the head and a complement introduced by on/of/for after it.
            var end = headAt;
            if (headAt + 1 < count && Run(headAt + 1).Value is "on" or "of" or "for")
            {
                end = headAt + 1;
                while (end + 1 < count && !OrganisationWords.Contains(Run(end + 1).Value)
                    && !(end + 2 < count && OrganisationWords.Contains(Run(end + 2).Value)) && end - headAt < 10)
                    end++;
                while (Connectors.Contains(Run(end).Value)) end--;
            }
            // "Contribution of IOM to Fifth Coordination Meeting": the name starts after the last preposition before the head.
            var start = headAt;
            while (start >= 0 && Run(start).Value is not ("to" or "of" or "for" or "on" or "in" or "at" or "by")) start--;
            start++;
            int? ordinal = null, year = null;
            while (start < headAt)
            {
                var w = Run(start).Value;
                if (OrdinalValue(w) is { } o) { ordinal = o; start++; continue; }
                if (w.Length == 4 && int.TryParse(w, out var y)) { year = y; start++; continue; }
                if (LeadingNoise.Contains(w) || w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal)) { start++; continue; }
                break;
            }
            if (start > headAt) continue;
            var firstWord = Run(start);
            var last = Run(end);
            var head = Singular(Run(headAt).Value);
            var runStart = Run(0).Index;
            // A lone capitalised head ("the Forum", "The Conference") refers back, like "the conference".
            if (start == headAt && end == headAt)
            {
                add(new EventMention(runStart, last.Index + last.Value.Length - runStart, MentionKind.Definite, head, null, ordinal, null, year));
                continue;
            }
            var text = sentence[firstWord.Index..(last.Index + last.Value.Length)];
            add(new EventMention(runStart, last.Index + last.Value.Length - runStart, MentionKind.Named, head, CleanName(text), ordinal, null, year));
        }
    }

    /// <summary>The words of a sentence as <c>[\p{L}\d][\p{L}\d'’&amp;-]*|&amp;</c> finds them, without a regex.</summary>
    private static List<(string Value, int Index)> Tokens(string sentence)
    {
        var tokens = new List<(string, int)>();
        for (var i = 0; i < sentence.Length;)
        {
            var c = sentence[i];
            if (char.IsLetter(c) || char.IsDigit(c))
            {
                var end = i + 1;
                while (end < sentence.Length && (char.IsLetter(sentence[end]) || char.IsDigit(sentence[end]) || sentence[end] is '\'' or '’' or '&' or '-')) end++;
                tokens.Add((sentence[i..end], i));
                i = end;
            }
            else
            {
                if (c == '&') tokens.Add(("&", i));
                i++;
            }
        }
        return tokens;
    }

    private static bool Blank(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
            if (!char.IsWhiteSpace(text[k])) return false;
        return true;
    }

    // Every way of naming an event has one of these words (in any case); most sentences have none.
    private static readonly SearchValues<string> EventWords = SearchValues.Create(
        ["meeting", "forum", "conference", "seminar", "debate", "dialogue", "summit", "hearing", "symposium", "workshop", "consultation",
         "colloquium", "congress", "retreat", "round", "event", "edition"], StringComparison.OrdinalIgnoreCase);
    // Letters a case-insensitive match may equate with ASCII ones (dotted and dotless i, long s, Kelvin sign): a
    // sentence with one is read in full.
    private static readonly SearchValues<char> CaseFoldsToAscii = SearchValues.Create("\u0130\u0131\u017F\u212A");

    private static bool MayMentionEvent(string sentence) =>
        sentence.AsSpan().IndexOfAny(EventWords) >= 0 || sentence.AsSpan().IndexOfAny(CaseFoldsToAscii) >= 0;

    private static bool StartsRun(string w) => IsCapitalised(w) || (w.Length == 4 && w.All(char.IsDigit));

    private static bool IsCapitalised(string w) => w.Length > 0 && char.IsUpper(w[0]);

    private static string CleanName(string s) => s.Trim().TrimEnd('.', ',', ';', ':');

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    [GeneratedRegex(@"^(\d+)(st|nd|rd|th)$")] private static partial Regex NumericOrdinal();

    [GeneratedRegex(@"^(one|two|three|half|full)-?day$|^day$|^half$|^one$|^two$|^three$", RegexOptions.IgnoreCase)] private static partial Regex DurationWord();

    [GeneratedRegex(@"\b(?:[Tt]he\s+)?(?<ord>(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)))\s+(?:annual\s+|regular\s+|)(?<head>(?i:meeting|summit|edition))s?\s+of\s+the\s+(?<name>[A-Z][\w'-]*(?:\s+(?:on|of|for|and|the)?\s*[A-Z][\w'-]*)*)(?<resp>,?\s+respectively)?")]
    private static partial Regex SeriesPattern();

    [GeneratedRegex(@"\b(?<det>[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)\s+(?<mods>(?:[a-z0-9][\w-]*\s+){0,3}?)(?<head>" + Heads + @")s?\b(?<resp>,?\s+respectively)?")]
    private static partial Regex CommonNoun();
}
