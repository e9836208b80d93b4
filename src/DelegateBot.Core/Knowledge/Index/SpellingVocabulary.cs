namespace DelegateBot.Core.Knowledge.Index;

/// <summary>
/// The words the documents use (lower case, as written), kept at index time so a question's slip ("Manilla",
/// "regstration", "pannel") can be read as the word it misspells. Only a word the documents never use is looked up,
/// and only among words of its first letter and about its length, so a question costs a few hundred comparisons at
/// most; a match must be one edit away (one letter added, dropped, changed, or two swapped).
/// </summary>
internal sealed class SpellingVocabulary
{
    /// <summary>Shorter words are left alone: one edit turns them into too many others ("wifi" into "wife").</summary>
    public const int MinLength = 5;
    private const int MaxLength = 40;

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private Dictionary<int, string[]>? _buckets;

    public SpellingVocabulary() => _lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _counts.Count;

    /// <summary>Counts one written word (letters only; others are ignored).</summary>
    public void Add(ReadOnlySpan<char> word)
    {
        if (word.Length < MinLength - 1 || word.Length > MaxLength) return;
        Span<char> lower = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (!char.IsLetter(c)) return;
            lower[i] = char.ToLowerInvariant(c);
        }
        if (_lookup.TryGetValue(lower, out var n)) _lookup[lower] = n + 1;
        else _counts.Add(lower.ToString(), 1);
    }

    /// <summary>Groups the words by first letter and length; called once when the index is built.</summary>
    public void Freeze() => _buckets = _counts.Keys.GroupBy(Key).ToDictionary(g => g.Key, g => g.ToArray());

    public bool Contains(string lowerWord) => _counts.ContainsKey(lowerWord);

    /// <summary>The most frequent written word one edit away from <paramref name="word"/> (lower case), or null.</summary>
    public string? Correct(string word)
    {
        if (_buckets is null || word.Length < MinLength || word.Length > MaxLength) return null;
        var lower = word.ToLowerInvariant();
        string? best = null;
        var bestCount = 0;
        for (var length = lower.Length - 1; length <= lower.Length + 1; length++)
        {
            if (!_buckets.TryGetValue(Key(lower[0], length), out var words)) continue;
            foreach (var candidate in words)
            {
                if (!OneEditApart(lower, candidate)) continue;
                var count = _counts[candidate];
                if (count > bestCount || (count == bestCount && string.CompareOrdinal(candidate, best) < 0)) { best = candidate; bestCount = count; }
            }
        }
        return best;
    }

    private static int Key(string word) => Key(word[0], word.Length);

    private static int Key(char first, int length) => first * 64 + length;

    /// <summary>Optimal string alignment distance of exactly one (substitution, insertion, deletion, adjacent swap).</summary>
    internal static bool OneEditApart(string a, string b)
    {
        if (a.Length == b.Length)
        {
            var i = 0;
            while (i < a.Length && a[i] == b[i]) i++;
            if (i == a.Length) return false;
            // One letter changed, or two neighbours swapped.
            if (a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))) return true;
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        }
        if (Math.Abs(a.Length - b.Length) != 1) return false;
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        var j = 0;
        while (j < shorter.Length && longer[j] == shorter[j]) j++;
        return longer.AsSpan(j + 1).SequenceEqual(shorter.AsSpan(j));
    }
}
