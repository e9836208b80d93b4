using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace DelegateBot.Core.Knowledge.Index;

/// <summary>
/// English analysis shared by the index and the answer scorer, so a question's stems and a passage's stems
/// always agree: standard tokenizer, possessives, accent folding (Göran = Goran), lower case, English stop
/// words, British/American spelling folding (organise = organize) and Porter stemming.
/// </summary>
public sealed class KnowledgeAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>One shared instance: Lucene analyzers reuse their token streams per thread.</summary>
    public static KnowledgeAnalyzer Instance { get; } = new();

    /// <summary>"e-mail" would split into "e" and "mail"; one word, as "email" is.</summary>
    private static readonly NormalizeCharMap Joined = BuildJoined();

    private static NormalizeCharMap BuildJoined()
    {
        var builder = new NormalizeCharMap.Builder();
        foreach (var (from, to) in new[] { ("e-mail", "email"), ("E-mail", "Email"), ("E-Mail", "Email"), ("E-MAIL", "EMAIL") })
            builder.Add(from, to);
        return builder.Build();
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(Joined, reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, StopAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new SpellingFoldFilter(stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The stems of a text with their character offsets, in order.</summary>
    public IReadOnlyList<StemToken> Tokens(string text) => Tokens(text, null);

    /// <summary>The same, the stems taken from <paramref name="pool"/> when given (index building).</summary>
    internal List<StemToken> Tokens(string text, StemPool? pool)
    {
        var result = new List<StemToken>();
        using var stream = GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            result.Add(new StemToken(pool is null ? term.ToString() : pool.Intern(term.Buffer.AsSpan(0, term.Length)), offset.StartOffset, offset.EndOffset));
        stream.End();
        return result;
    }

    /// <summary>The distinct stems of a text.</summary>
    public HashSet<string> Stems(string text) => Stems(text, null);

    internal HashSet<string> Stems(string text, StemPool? pool)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in Tokens(text, pool)) set.Add(t.Stem);
        return set;
    }

    /// <summary>The stem of one word, or null when it is a stop word.</summary>
    public string? Stem(string word)
    {
        var tokens = WordTokens(word);
        return tokens.Length == 0 ? null : tokens[0].Stem;
    }

    /// <summary>
    /// The stems of one word of a question, cached: questions reuse a small vocabulary, and running the analysis
    /// chain for each word was a good part of reading a question. Bounded, so odd input cannot grow it forever.
    /// </summary>
    public StemToken[] WordTokens(string word)
    {
        if (word.Length > 40) return Tokens(word).ToArray();
        if (_words.TryGetValue(word, out var cached)) return cached;
        var tokens = Tokens(word).ToArray();
        if (_words.Count < 50_000) _words.TryAdd(word, tokens);
        return tokens;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, StemToken[]> _words = new(StringComparer.Ordinal);
}

public readonly record struct StemToken(string Stem, int Start, int End);

/// <summary>
/// Folds British spellings onto American ones before stemming ("organised" and "organized" must meet; the
/// Porter stemmer alone leaves "organis" and "organ"). Applied to documents and questions alike, so a fold
/// that hits an unrelated word (exercise -> exercize) is harmless.
/// </summary>
internal sealed class SpellingFoldFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    private readonly IKeywordAttribute _keyword;

    public SpellingFoldFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    /// <summary>Words the Porter stemmer would merge with unrelated ones ("organs" with "organization" and "organized").</summary>
    private static readonly Dictionary<string, string> Protected = new(StringComparer.Ordinal)
    {
        ["organ"] = "organs", ["organs"] = "organs",
    };

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var word = _term.ToString();
        if (Protected.TryGetValue(word, out var kept))
        {
            _term.SetEmpty().Append(kept);
            _keyword.IsKeyword = true;
            return true;
        }
        var folded = Fold(word);
        if (!ReferenceEquals(folded, word)) _term.SetEmpty().Append(folded);
        return true;
    }

    internal static string Fold(string w)
    {
        if (w.Length < 5) return w;
        foreach (var (from, to) in Suffixes)
        {
            if (w.EndsWith(from, StringComparison.Ordinal) && w.Length - from.Length >= 3)
                return string.Concat(w.AsSpan(0, w.Length - from.Length), to);
        }
        return w;
    }

    private static readonly (string From, string To)[] Suffixes =
    [
        ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"),
        ("ise", "ize"), ("yse", "yze"), ("ysed", "yzed"), ("programme", "program"), ("programmes", "programs"),
        ("our", "or"), ("ours", "ors"), ("centre", "center"), ("centres", "centers"),
    ];
}
