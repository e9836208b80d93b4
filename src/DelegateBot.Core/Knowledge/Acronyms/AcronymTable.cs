namespace DelegateBot.Core.Knowledge.Acronyms;

/// <summary>How an acronym's meaning was learned, strongest first.</summary>
public enum AcronymOrigin
{
    /// <summary>From knowledge/glossary.yaml: an organiser said so.</summary>
    Glossary,
    /// <summary>Defined in a document: "Global Migration Group (GMG)".</summary>
    Defined,
    /// <summary>The initials of a capitalised name used in the documents: Global Forum on Migration and Development -> GFMD.</summary>
    Initials,
}

public sealed record AcronymPair(string Acronym, string Expansion, AcronymOrigin Origin);

/// <summary>A pair with its analysed forms, computed once per index so questions need no analysis for it.</summary>
internal sealed record AnalysedPair(AcronymPair Pair, string AcronymStem, HashSet<string> ExpansionStems)
{
    /// <summary>The long form's distinct stems in order, to find it as a phrase in a question.</summary>
    public string[] Sequence { get; init; } = [];
}

/// <summary>
/// Acronyms and their expansions, both ways. Besides the pairs learned up front, an acronym the documents never
/// use can still be resolved at question time from the initials of the capitalised names they contain.
/// </summary>
public sealed class AcronymTable
{
    private readonly Dictionary<string, List<AcronymPair>> _byAcronym;
    private readonly Dictionary<string, List<(string Phrase, int Count)>> _initials;

    internal AcronymTable(IEnumerable<AcronymPair> pairs, Dictionary<string, List<(string Phrase, int Count)>> initials)
    {
        _initials = initials;
        _byAcronym = new Dictionary<string, List<AcronymPair>>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs.OrderBy(p => p.Origin))
        {
            if (!_byAcronym.TryGetValue(pair.Acronym, out var list)) _byAcronym[pair.Acronym] = list = [];
            if (!list.Any(p => p.Expansion.Equals(pair.Expansion, StringComparison.OrdinalIgnoreCase))) list.Add(pair);
        }
    }

    public static AcronymTable Empty { get; } = new([], []);

    private IReadOnlyList<AnalysedPair>? _analysed;

    /// <summary>The pairs with stems, for matching a long form in a question (computed on first use).</summary>
    internal IReadOnlyList<AnalysedPair> Analysed => _analysed ??= Pairs
        .Select(p => (Pair: p, Acronym: Index.KnowledgeAnalyzer.Instance.Stem(p.Acronym), Stems: Index.KnowledgeAnalyzer.Instance.Stems(p.Expansion)))
        .Where(x => x.Acronym is not null && x.Stems.Count >= 2)
        .Select(x => new AnalysedPair(x.Pair, x.Acronym!, x.Stems)
        {
            Sequence = Index.KnowledgeAnalyzer.Instance.Tokens(x.Pair.Expansion).Select(t => t.Stem).Distinct().ToArray(),
        })
        .OrderByDescending(x => x.Sequence.Length).ToArray();

    /// <summary>Every pair known up front (glossary, definitions, initials of acronyms the documents use).</summary>
    public IEnumerable<AcronymPair> Pairs => _byAcronym.Values.SelectMany(v => v);

    /// <summary>
    /// The expansions of an acronym, best first: glossary and definitions, else names in the documents whose
    /// initials spell it (the most frequent such name).
    /// </summary>
    public IReadOnlyList<AcronymPair> Expand(string acronym)
    {
        if (_byAcronym.TryGetValue(acronym, out var known)) return known;
        if (_initials.TryGetValue(acronym.ToUpperInvariant(), out var phrases) && phrases.Count > 0)
            return [new AcronymPair(acronym.ToUpperInvariant(), phrases[0].Phrase, AcronymOrigin.Initials)];
        return [];
    }
}
