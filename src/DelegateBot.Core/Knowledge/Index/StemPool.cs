namespace DelegateBot.Core.Knowledge.Index;

/// <summary>
/// One string per distinct stem for an index generation: the passages' tokens and stem sets share them instead
/// of holding a copy per occurrence (most of the index's memory otherwise), and a stem already seen is looked up
/// from the tokenizer's buffer without allocating. Used while building only, so it needs no locking.
/// </summary>
internal sealed class StemPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StemPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _strings.Count;

    public string Intern(ReadOnlySpan<char> stem)
    {
        if (_lookup.TryGetValue(stem, out var known)) return known;
        var s = stem.ToString();
        _strings.Add(s, s);
        return s;
    }
}
