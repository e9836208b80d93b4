using System.Text;
using System.Text.RegularExpressions;

namespace DelegateBot.Core.Knowledge.Acronyms;

/// <summary>
/// Learns acronyms from document text: explicit definitions "Long Form (LF)" (the Schwartz–Hearst rule: the
/// acronym's letters found in order in the words before the parenthesis, the first at a word start), and the
/// initials of capitalised names (High-level Dialogue -> HLD, African, Caribbean and Pacific -> ACP).
/// </summary>
internal static partial class AcronymLearner
{
    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "on", "and", "for", "the", "in", "to", "&",
    };

    public static AcronymTable Learn(IEnumerable<string> texts, IEnumerable<AcronymPair> glossary)
    {
        var pairs = new List<AcronymPair>(glossary);
        var initials = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);

        foreach (var text in texts)
        {
            foreach (Match m in Definition().Matches(text))
            {
                var acronym = m.Groups["acr"].Value;
                var longForm = FindLongForm(m.Groups["before"].Value, acronym);
                if (longForm is not null) pairs.Add(new AcronymPair(acronym, longForm, AcronymOrigin.Defined));
            }
            foreach (Match m in CapsToken().Matches(text)) used.Add(m.Value);
            foreach (Match m in NamePhrase().Matches(text)) CountInitials(m.Value, initials);
        }

        var ranked = initials.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderByDescending(p => p.Value).ThenByDescending(p => p.Key.Length).Select(p => (p.Key, p.Value)).ToList(),
            StringComparer.Ordinal);

        // Acronyms the documents use but never define: take the name whose initials spell them.
        var defined = new HashSet<string>(pairs.Select(p => p.Acronym), StringComparer.OrdinalIgnoreCase);
        foreach (var acronym in used)
        {
            if (!defined.Contains(acronym) && ranked.TryGetValue(acronym, out var phrases))
                pairs.Add(new AcronymPair(acronym, phrases[0].Key, AcronymOrigin.Initials));
        }
        return new AcronymTable(pairs, ranked);
    }

    /// <summary>Schwartz–Hearst: the shortest run of words before "(ACR)" containing ACR's letters in order.</summary>
    internal static string? FindLongForm(string before, string acronym)
    {
        var words = WordSplit().Split(before.Trim())
            .Select(w => w.Trim('"', '“', '”', '\'', '‘', '’')).Where(w => w.Length > 0).ToList();
        var letters = acronym.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        if (letters.Length < 2) return null;
        var maxWords = Math.Min(letters.Length + 5, letters.Length * 2);
        for (var take = 1; take <= Math.Min(maxWords, words.Count); take++)
        {
            var candidate = words.Skip(words.Count - take).ToList();
            if (Connectors.Contains(candidate[0]) || !char.IsLetter(candidate[0][0])) continue;
            var phrase = string.Join(' ', candidate).Trim('"', '“', '”', ',', ' ');
            if (MatchesLetters(phrase, letters) && char.ToLowerInvariant(phrase[0]) == letters[0])
                return phrase;
        }
        // A proper name may run longer than its acronym ("High Level Dialogue on International Migration and
        // Development (HLD)"): allowed when every word is capitalised or a connector, starting at a word of the first letter.
        for (var take = maxWords + 1; take <= Math.Min(letters.Length + 9, words.Count); take++)
        {
            var candidate = words.Skip(words.Count - take).ToList();
            if (!candidate.All(w => Connectors.Contains(w) || char.IsUpper(w[0]))) break;
            if (Connectors.Contains(candidate[0]) || char.ToLowerInvariant(candidate[0][0]) != letters[0]) continue;
            var phrase = string.Join(' ', candidate).Trim('"', '“', '”', ',', ' ');
            if (MatchesLetters(phrase, letters)) return phrase;
        }
        return null;
    }

    private static bool MatchesLetters(string phrase, char[] letters)
    {
        var lower = phrase.ToLowerInvariant();
        var li = letters.Length - 1;
        var pi = lower.Length - 1;
        while (li >= 0)
        {
            var c = letters[li];
            while (pi >= 0 && (lower[pi] != c || (li == 0 && pi > 0 && char.IsLetterOrDigit(lower[pi - 1])))) pi--;
            if (pi < 0) return false;
            li--;
            pi--;
        }
        return true;
    }

    private static void CountInitials(string phrase, Dictionary<string, Dictionary<string, int>> initials)
    {
        var words = phrase.Replace(",", " ,").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var start = 0; start < words.Length; start++)
        {
            if (!IsName(words[start])) continue;
            for (var end = start + 1; end < words.Length && end - start < 10; end++)
            {
                if (!IsName(words[end])) continue;
                var slice = words[start..(end + 1)];
                var text = Regex.Replace(string.Join(' ', slice), @"\s+,", ",");
                foreach (var key in InitialsOf(slice))
                {
                    if (key.Length < 2) continue;
                    if (!initials.TryGetValue(key, out var counts)) initials[key] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
                    counts[text] = counts.GetValueOrDefault(text) + 1;
                }
            }
        }
    }

    private static bool IsName(string w) => w.Length > 1 && char.IsUpper(w[0]) && !Connectors.Contains(w);

    /// <summary>Initials of a name; a hyphenated word gives one letter or one per part (High-level -> H or HL).</summary>
    internal static IEnumerable<string> InitialsOf(IEnumerable<string> words)
    {
        var variants = new List<StringBuilder> { new() };
        foreach (var w in words)
        {
            if (Connectors.Contains(w) || w == ",") continue;
            var parts = w.Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1)
            {
                var split = variants.Select(v => new StringBuilder(v.ToString())).ToList();
                foreach (var v in variants) v.Append(char.ToUpperInvariant(parts[0][0]));
                foreach (var v in split) foreach (var part in parts) v.Append(char.ToUpperInvariant(part[0]));
                variants.AddRange(split);
            }
            else
            {
                foreach (var v in variants) v.Append(char.ToUpperInvariant(w[0]));
            }
        }
        return variants.Select(v => v.ToString()).Distinct();
    }

    [GeneratedRegex(@"(?<![^\s(])(?<before>(?:[^\s()]+\s+){1,14}?[^\s()]+)\s*\((?<acr>[A-Z][A-Za-z0-9&-]*[A-Z][A-Za-z0-9&-]*)\)")]
    private static partial Regex Definition();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9&]{1,9}\b")]
    private static partial Regex CapsToken();

    /// <summary>Capitalised names with connectors and commas inside: "African, Caribbean and Pacific States".</summary>
    [GeneratedRegex(@"[A-Z][\p{L}'’-]+(?:(?:,?\s+(?:(?:of|on|and|for|the|in|to|&)\s+)*)[A-Z][\p{L}'’-]+)+")]
    private static partial Regex NamePhrase();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WordSplit();
}
