namespace DelegateBot.Core.Knowledge.Index;

/// <summary>
/// The stems of every document's title, with an inverted list per stem, so a question can ask which titles hold
/// a phrase without scanning every title (a scan per concept and title cost 350 ms a question at 10k documents).
/// </summary>
internal sealed class TitleIndex
{
    private readonly IReadOnlyList<HashSet<string>> _titles;
    private readonly Dictionary<string, List<int>> _byStem = new(StringComparer.Ordinal);

    public TitleIndex(IReadOnlyList<HashSet<string>> titles)
    {
        _titles = titles;
        for (var t = 0; t < titles.Count; t++)
            foreach (var stem in titles[t])
            {
                if (!_byStem.TryGetValue(stem, out var list)) _byStem[stem] = list = [];
                list.Add(t);
            }
    }

    public int Count => _titles.Count;

    public bool Holds(int title, string[] stems)
    {
        foreach (var stem in stems)
            if (!_titles[title].Contains(stem)) return false;
        return true;
    }

    /// <summary>The titles that hold all <paramref name="stems"/> (none for no stems).</summary>
    public IEnumerable<int> Holding(string[] stems)
    {
        List<int>? shortest = null;
        foreach (var stem in stems)
        {
            if (!_byStem.TryGetValue(stem, out var list)) return [];
            if (shortest is null || list.Count < shortest.Count) shortest = list;
        }
        return shortest is null ? [] : shortest.Where(t => Holds(t, stems));
    }

    /// <summary>The one title that holds all <paramref name="stems"/>; -1 when none does, -2 when several do.</summary>
    public int Single(string[] stems)
    {
        if (stems.Length == 0) return Count == 1 ? 0 : Count == 0 ? -1 : -2;
        var found = -1;
        foreach (var t in Holding(stems))
        {
            if (found >= 0) return -2;
            found = t;
        }
        return found;
    }
}
