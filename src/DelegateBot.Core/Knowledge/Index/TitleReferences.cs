using System.Text.RegularExpressions;

namespace DelegateBot.Core.Knowledge.Index;

/// <summary>
/// "The Organization shall have its Headquarters in Geneva" in the Constitution of the International
/// Organization for Migration: a capitalised "the Organization", "the Protocol", "the Seminar" refers to the
/// name in the document's title. Such a sentence gets that name's stems at index time, so a question naming the
/// organisation finds it.
/// </summary>
internal sealed partial class TitleReferences
{
    private readonly List<(string Reference, string[] Stems)> _references = [];

    public static TitleReferences Empty { get; } = new();

    public static TitleReferences For(string title)
    {
        var refs = new TitleReferences();
        var segments = Split().Split(title).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
        if (segments.Length == 0) return refs;
        var whole = KnowledgeAnalyzer.Instance.Stems(title).ToArray();
        // "Constitution of the ...", "Protocol against the ...": the leading word stands for the whole title.
        if (segments.Length > 1 && !segments[0].Contains(' ') && char.IsUpper(segments[0][0]))
            refs._references.Add(("the " + segments[0], whole));
        foreach (var segment in segments)
        {
            var words = segment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || !Name().IsMatch(segment)) continue;
            var stems = KnowledgeAnalyzer.Instance.Stems(segment).ToArray();
            foreach (var head in words.Where(w => w.Length >= 4 && char.IsUpper(w[0])).Distinct())
                refs._references.Add(("the " + head, stems));
            // The name's head noun, before its first preposition ("Seminar" of "... Series Seminar on Building
            // Partnerships", "Debate" of "Informal Thematic Debate on ..."): "the seminar" in lower case is it too.
            var connector = Array.FindIndex(words, w => HeadEnd.Contains(w));
            var noun = connector > 0 ? words[connector - 1] : words[^1];
            if (noun.Length >= 4) refs._references.Add(("the " + noun.ToLowerInvariant(), stems));
        }
        return refs;
    }

    private static readonly HashSet<string> HeadEnd = new(StringComparer.Ordinal) { "of", "on", "for", "against", "to", "in" };

    public void Add(string text, HashSet<string> stems)
    {
        foreach (var (reference, names) in _references)
        {
            // "the Organization" (or "The seminar" opening a sentence) as a word, not "the Organizations of ...".
            var at = text.IndexOf(reference, StringComparison.Ordinal);
            if (at < 0 && text.StartsWith("T" + reference[1..], StringComparison.Ordinal)) at = 0;
            if (at >= 0 && (at + reference.Length == text.Length || !char.IsLetter(text[at + reference.Length])))
                stems.UnionWith(names);
        }
    }

    [GeneratedRegex(@"\s+(?:of|against|on|for|to|supplementing)\s+the\s+|[,:;()]")]
    private static partial Regex Split();

    /// <summary>A proper name: capitalised words with connectors only.</summary>
    [GeneratedRegex(@"^[A-Z][\p{L}'’-]*(?:\s+(?:(?:of|on|and|for|the|in|to|de)\s+)*[A-Z][\p{L}'’-]*)+$")]
    private static partial Regex Name();
}
