namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>
/// The words of event names (<see cref="MeetingNames.Tokens"/>), each name's computed once, and for each name its
/// rarest words (<see cref="Prefix"/>): two names that are <see cref="MeetingNames.SameEvent(HashSet{string}, HashSet{string})"/>
/// always share one of them, so a name is compared only with the names indexed under its rarest words instead of
/// with every name ("prefix filtering" of set-similarity joins).
/// </summary>
internal sealed class NameWords
{
    private readonly Dictionary<string, HashSet<string>> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _prefixes = new(StringComparer.Ordinal);
    // How many of the names contain each word; fixed at construction so the order of words never changes.
    private readonly Dictionary<string, int> _frequency = new(StringComparer.Ordinal);

    /// <param name="names">The names that will be compared (others may be asked for; their words count as rare).</param>
    public NameWords(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
            if (seen.Add(name))
                foreach (var word in Tokens(name))
                    _frequency[word] = _frequency.GetValueOrDefault(word) + 1;
    }

    public HashSet<string> Tokens(string name)
    {
        if (!_tokens.TryGetValue(name, out var tokens)) _tokens[name] = tokens = MeetingNames.Tokens(name);
        return tokens;
    }

    /// <summary>
    /// The name's first n − ⌈2n/3⌉ + 1 words of n, rarest first (ties in ordinal order). SameEvent needs
    /// 3·|common| ≥ 2·|union| (its containment rule needs |small|·3 ≥ |large|·2, its overlap rule 0.7), so the
    /// common words are at least ⌈2n/3⌉ of either name's n; the first common word in this order then comes within
    /// both names' prefixes, since only words of one name alone can precede it.
    /// </summary>
    public string[] Prefix(string name)
    {
        if (_prefixes.TryGetValue(name, out var prefix)) return prefix;
        var words = Tokens(name).ToArray();
        Array.Sort(words, (a, b) =>
        {
            var byFrequency = _frequency.GetValueOrDefault(a).CompareTo(_frequency.GetValueOrDefault(b));
            return byFrequency != 0 ? byFrequency : string.CompareOrdinal(a, b);
        });
        var n = words.Length;
        var length = n == 0 ? 0 : n - (2 * n + 2) / 3 + 1;
        return _prefixes[name] = words[..length];
    }
}
