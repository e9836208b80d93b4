using System.Text.RegularExpressions;

namespace DelegateBot.Core.Recognizers;

/// <summary>One option offered to the person, with other words that name it ("FR" for "French").</summary>
public sealed record Choice(string Value)
{
    public IReadOnlyList<string> Synonyms { get; init; } = [];
}

public enum ChoiceMatchKind
{
    /// <summary>The text is the choice's name.</summary>
    Exact,
    /// <summary>The text is one of the choice's synonyms.</summary>
    Synonym,
    /// <summary>By position: "2", "the second one", "deuxième", "last".</summary>
    Index,
    /// <summary>The choice's full name appears in a longer sentence.</summary>
    Contained,
    /// <summary>Some words match, possibly misspelt or abbreviated ("remit" for "Remittances").</summary>
    Partial,
}

/// <summary>A choice that matched. <see cref="Index"/> is zero-based in the offered list.</summary>
public sealed record FoundChoice(int Index, string Value, ChoiceMatchKind Kind, double Score);

/// <summary>
/// The choices that fit the text, best first. One candidate is a match; several are an ambiguity the
/// prompt should ask about ("Did you mean A or B?"); none is no match.
/// </summary>
public sealed record ChoiceRecognition(IReadOnlyList<FoundChoice> Candidates)
{
    public static readonly ChoiceRecognition None = new([]);
    public FoundChoice? Match => Candidates.Count == 1 ? Candidates[0] : null;
    public bool Succeeded => Candidates.Count == 1;
    public bool IsAmbiguous => Candidates.Count > 1;
}

/// <summary>
/// Several choices in one answer ("1 and 3", "remittances, return", "all", "aucune").
/// <see cref="Unrecognized"/> and <see cref="Ambiguous"/> list the parts that could not be settled.
/// </summary>
public sealed record MultiChoiceRecognition(IReadOnlyList<FoundChoice> Matches, IReadOnlyList<string> Unrecognized, IReadOnlyList<ChoiceRecognition> Ambiguous)
{
    /// <summary>The person explicitly chose none ("none", "aucune").</summary>
    public bool None { get; init; }
    public bool Succeeded => (Matches.Count > 0 || None) && Unrecognized.Count == 0 && Ambiguous.Count == 0;
}

/// <summary>
/// Matches what a person typed against a list of choices: by exact name or synonym, by number or ordinal,
/// by a name inside a sentence, or by partial and misspelt words, in English and French. When two choices
/// fit equally well it reports the ambiguity instead of guessing.
/// </summary>
public static partial class ChoiceRecognizer
{
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "option", "number", "no", "nr", "num", "choice", "one", "please", "pick", "take", "choose",
        "select", "i", "id", "d", "want", "would", "like", "go", "with", "for", "it", "that", "this", "is", "my",
        "le", "la", "les", "l", "numero", "n", "choix", "svp", "s", "il", "vous", "plait", "je", "j", "prends",
        "veux", "voudrais", "choisis", "pour", "celle", "celui", "ci", "un", "une",
    };

    private static readonly HashSet<string> StopWords = new(Fillers, StringComparer.Ordinal)
    {
        "of", "on", "in", "at", "to", "and", "or", "me", "de", "du", "des", "et", "ou", "en", "avec", "sur", "au", "aux",
    };

    private static readonly HashSet<string> AllWords = new(StringComparer.Ordinal) { "all", "both", "everything", "tous", "toutes", "tout" };
    private static readonly HashSet<string> NoneWords = new(StringComparer.Ordinal) { "none", "neither", "nothing", "aucun", "aucune", "rien", "ni" };
    private static readonly HashSet<string> Separators = new(StringComparer.Ordinal) { ",", "and", "et", "or", "ou", "plus" };

    [GeneratedRegex(@"(?<!\d)(?<from>\d{1,3})\s*(?:-|to|through|a|au)\s*(?<to>\d{1,3})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex RangeRegex();

    [GeneratedRegex(@"[\p{L}\p{N}]+|[,;&+/]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenRegex();

    public static ChoiceRecognition Recognize(string? text, IReadOnlyList<Choice> choices, RecognizerCulture? culture = null)
    {
        var tokens = TextFolding.Tokenize(text);
        if (tokens.Count == 0 || choices.Count == 0) return ChoiceRecognition.None;
        return RecognizeTokens(tokens, choices, culture ?? RecognizerCulture.English);
    }

    public static MultiChoiceRecognition RecognizeMany(string? text, IReadOnlyList<Choice> choices, RecognizerCulture? culture = null)
    {
        culture ??= RecognizerCulture.English;
        var folded = TextFolding.Fold(text);
        var words = TextFolding.Tokenize(folded);
        if (words.Count == 0) return new MultiChoiceRecognition([], [], []);

        var whole = Recognize(folded, choices, culture);
        if (whole.Match is { Kind: ChoiceMatchKind.Exact or ChoiceMatchKind.Synonym } exact) return new MultiChoiceRecognition([exact], [], []);
        var content = words.Where(w => !StopWords.Contains(w) || AllWords.Contains(w) || NoneWords.Contains(w)).ToList();
        var both = TextFolding.ContainsSequence(words, ["les", "deux"]) && content.All(w => w is "deux" || AllWords.Contains(w));
        if (both || (content.Count > 0 && content.All(w => AllWords.Contains(w) || w is "them" or "of" or "les")))
            return new MultiChoiceRecognition(choices.Select((c, i) => new FoundChoice(i, c.Value, ChoiceMatchKind.Exact, 1)).ToList(), [], []);
        if (content.Count > 0 && content.All(w => NoneWords.Contains(w) || w is "them" or "of" or "l" or "autre" or "un"))
            return new MultiChoiceRecognition([], [], []) { None = true };

        var found = new Dictionary<int, FoundChoice>();
        // Ranges first ("1-3", "2 to 4", "1 à 3"), then whole names, then what is left, piece by piece.
        var rest = RangeRegex().Replace(folded, m =>
        {
            var from = int.Parse(m.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var to = int.Parse(m.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (from < 1 || to > choices.Count || from >= to) return m.Value;
            for (var i = from; i <= to; i++) found.TryAdd(i - 1, new FoundChoice(i - 1, choices[i - 1].Value, ChoiceMatchKind.Index, 1));
            return " , ";
        });
        var tokens = TokenRegex().Matches(rest).Select(m => m.Value is ";" or "&" or "+" or "/" ? "," : m.Value).ToList();
        var consumed = new bool[tokens.Count];
        foreach (var (choice, index) in choices.Select((c, i) => (c, i)))
        {
            foreach (var name in Names(choice))
            {
                var nameTokens = TextFolding.Tokenize(name);
                if (nameTokens.Count == 0 || nameTokens.All(StopWords.Contains)) continue;
                for (var start = 0; start + nameTokens.Count <= tokens.Count; start++)
                {
                    if (!nameTokens.Select((t, j) => tokens[start + j] == t && !consumed[start + j]).All(x => x)) continue;
                    for (var j = 0; j < nameTokens.Count; j++) consumed[start + j] = true;
                    found.TryAdd(index, new FoundChoice(index, choice.Value, ChoiceMatchKind.Contained, 1));
                }
            }
        }

        var unrecognized = new List<string>();
        var ambiguous = new List<ChoiceRecognition>();
        var common = CommonWords(choices);
        foreach (var segment in Segments(tokens, consumed))
        {
            // "sessions" in "sessions 1 and 3" names the kind of thing, not one of them.
            var meaningful = segment.Where(t => !StopWords.Contains(t) && !IsCommon(t, common)).ToList();
            if (meaningful.Count == 0) continue;
            // "1 3" or "first third": a run of numbers names several choices.
            var numbers = NumberRecognizer.RecognizeAll(string.Join(' ', meaningful), culture);
            if (numbers.Count > 1 && numbers.Sum(n => TextFolding.Tokenize(n.Text).Count) == meaningful.Count)
            {
                foreach (var n in numbers)
                {
                    if (IndexOf(n, choices.Count) is { } i) found.TryAdd(i, new FoundChoice(i, choices[i].Value, ChoiceMatchKind.Index, 1));
                    else unrecognized.Add(n.Text);
                }
                continue;
            }
            var result = RecognizeTokens(segment, choices, culture);
            if (result.Match is { } match) found.TryAdd(match.Index, match);
            else if (result.IsAmbiguous) ambiguous.Add(result);
            else unrecognized.Add(string.Join(' ', segment));
        }
        if (found.Count == 0 && ambiguous.Count == 0 && ConfirmRecognizer.Recognize(text) is { } yes)
        {
            // A yes/no question with choices ("Will you need interpretation? 1. French"): no is none of them,
            // yes is the only one offered (with several, yes does not say which).
            if (!yes) return new MultiChoiceRecognition([], [], []) { None = true };
            if (choices.Count == 1) return new MultiChoiceRecognition([new FoundChoice(0, choices[0].Value, ChoiceMatchKind.Exact, 1)], [], []);
        }
        return new MultiChoiceRecognition(found.Values.OrderBy(f => f.Index).ToList(), unrecognized, ambiguous);
    }

    // Words people put around a title or role that say nothing about which ("I am an ambassador", "je suis conseiller").
    private static readonly HashSet<string> SelfWords = new(StringComparer.Ordinal) { "am", "im", "m", "as", "currently", "suis", "actuellement", "comme" };

    /// <summary>
    /// Whether every word of the text belongs to <paramref name="choice"/>'s name or synonyms (allowing prefixes,
    /// plurals and typos): "first sec" names only "First Secretary", while "Legal Adviser" says more than the synonym
    /// "Adviser" it contains. For questions that also take answers of the person's own.
    /// </summary>
    public static bool NamesOnly(string? text, Choice choice)
    {
        var words = TextFolding.Tokenize(text).Where(t => !StopWords.Contains(t) && !SelfWords.Contains(t)).ToList();
        var names = Names(choice).SelectMany(TextFolding.Tokenize).Distinct().ToList();
        return words.Count > 0 && words.All(w => names.Any(n => Similarity(w, n) >= 0.8));
    }

    private static IEnumerable<List<string>> Segments(List<string> tokens, bool[] consumed)
    {
        var current = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (consumed[i] || Separators.Contains(tokens[i]))
            {
                if (current.Count > 0) yield return current;
                current = [];
                continue;
            }
            current.Add(tokens[i]);
        }
        if (current.Count > 0) yield return current;
    }

    private static ChoiceRecognition RecognizeTokens(List<string> tokens, IReadOnlyList<Choice> choices, RecognizerCulture culture)
    {
        var key = string.Join(' ', tokens);

        // 1. The whole text names a choice.
        var exact = new List<FoundChoice>();
        for (var i = 0; i < choices.Count; i++)
        {
            if (Key(choices[i].Value) == key) exact.Add(new FoundChoice(i, choices[i].Value, ChoiceMatchKind.Exact, 1));
            else if (choices[i].Synonyms.Any(s => Key(s) == key)) exact.Add(new FoundChoice(i, choices[i].Value, ChoiceMatchKind.Synonym, 1));
        }
        if (exact.Count > 0) return new ChoiceRecognition(exact);

        // 2. By position: "2", "option 2", "the second one", "la deuxième", "last".
        var meaningful = tokens.Where(t => !Fillers.Contains(t)).ToList();
        if (meaningful.Count == 1 && NumberWords.Last.Contains(meaningful[0]))
            return new ChoiceRecognition([new FoundChoice(choices.Count - 1, choices[^1].Value, ChoiceMatchKind.Index, 1)]);
        if (meaningful.Count > 0)
        {
            var numbers = NumberRecognizer.RecognizeAll(string.Join(' ', meaningful), culture);
            if (numbers is [var only] && TextFolding.Tokenize(only.Text).Count == meaningful.Count && IndexOf(only, choices.Count) is { } index)
            {
                // "second" with "1. Second Committee, 2. Third Committee" may mean either: asked back, not guessed.
                // A figure ("2") is a position.
                var named = Enumerable.Range(0, choices.Count)
                    .Where(i => i != index && !only.Text.Any(char.IsDigit) && Names(choices[i]).SelectMany(TextFolding.Tokenize).Any(t => TokenNumber(t) == only.Value))
                    .Select(i => new FoundChoice(i, choices[i].Value, ChoiceMatchKind.Contained, 1));
                return new ChoiceRecognition([new FoundChoice(index, choices[index].Value, ChoiceMatchKind.Index, 1), .. named]);
            }
        }

        // 3. A choice's whole name inside a sentence; the longest name wins ("Session 12" over "Session 1").
        var contained = new List<(FoundChoice Found, int Length)>();
        for (var i = 0; i < choices.Count; i++)
        {
            var longest = Names(choices[i])
                .Select(TextFolding.Tokenize)
                .Where(n => n.Count > 0 && !n.All(StopWords.Contains) && TextFolding.ContainsSequence(tokens, n))
                .Select(n => n.Count)
                .DefaultIfEmpty(0)
                .Max();
            if (longest > 0) contained.Add((new FoundChoice(i, choices[i].Value, ChoiceMatchKind.Contained, 1), longest));
        }
        if (contained.Count > 0)
        {
            var max = contained.Max(c => c.Length);
            return new ChoiceRecognition(contained.Where(c => c.Length == max).Select(c => c.Found).ToList());
        }

        // 4. Some words match, allowing prefixes, plurals and typos; ties are reported, not guessed.
        var content = tokens.Where(t => !StopWords.Contains(t)).ToList();
        if (content.Count == 0) return ChoiceRecognition.None;
        // A word every choice shares ("session") only tells the choices apart when nothing else is said.
        var common = CommonWords(choices);
        if (content.Any(t => !IsCommon(t, common))) content = content.Where(t => !IsCommon(t, common)).ToList();
        var scored = new List<FoundChoice>();
        for (var i = 0; i < choices.Count; i++)
        {
            var choiceTokens = Names(choices[i]).SelectMany(TextFolding.Tokenize).Where(t => !StopWords.Contains(t)).Distinct().ToList();
            var score = content.Sum(t => choiceTokens.Count == 0 ? 0 : choiceTokens.Max(c => Similarity(t, c))) / content.Count;
            if (score >= 0.5) scored.Add(new FoundChoice(i, choices[i].Value, ChoiceMatchKind.Partial, Math.Round(score, 3)));
        }
        if (scored.Count == 0) return ChoiceRecognition.None;
        var best = scored.Max(s => s.Score);
        return new ChoiceRecognition(scored.Where(s => s.Score >= best - 0.05).OrderByDescending(s => s.Score).ToList());
    }

    /// <summary>Words found in the name of every choice (needs at least two choices).</summary>
    private static HashSet<string> CommonWords(IReadOnlyList<Choice> choices)
    {
        if (choices.Count < 2) return [];
        var sets = choices.Select(c => Names(c).SelectMany(TextFolding.Tokenize).Where(t => !StopWords.Contains(t)).ToHashSet(StringComparer.Ordinal)).ToList();
        var common = sets[0];
        foreach (var set in sets.Skip(1)) common.IntersectWith(set);
        return common;
    }

    private static bool IsCommon(string token, HashSet<string> common) => common.Any(c => Similarity(token, c) >= 0.9);

    /// <summary>How well a typed word matches a word of a choice, from 0 to 1.</summary>
    private static double Similarity(string typed, string word)
    {
        if (typed == word) return 1;
        // "2nd" and "second", "1" and "first" name the same position.
        if (TokenNumber(typed) is { } a && TokenNumber(word) is { } b) return a == b ? 1 : 0;
        if (typed.Length >= 3 && word.StartsWith(typed, StringComparison.Ordinal)) return 0.9; // "remit" → "remittances"
        if (word.Length >= 4 && typed.StartsWith(word, StringComparison.Ordinal) && typed.Length - word.Length <= 2) return 0.9; // plurals
        if (typed.Length >= 4 && !typed.All(char.IsDigit))
        {
            var allowed = typed.Length >= 8 ? 2 : 1;
            if (TextFolding.EditDistance(typed, word, allowed) <= allowed) return 0.8;
        }
        return 0;
    }

    private static decimal? TokenNumber(string token)
        => (char.IsDigit(token[0]) || NumberWords.Units.ContainsKey(token) || NumberWords.TryOrdinal(token, out _))
           && NumberRecognizer.RecognizeAll(token) is [var n] && n.Text == token ? n.Value : null;

    private static int? IndexOf(NumberMatch number, int count)
        => number.Value == decimal.Truncate(number.Value) && number.Value >= 1 && number.Value <= count ? (int)number.Value - 1 : null;

    private static IEnumerable<string> Names(Choice choice) => choice.Synonyms.Prepend(choice.Value);

    private static string Key(string s) => string.Join(' ', TextFolding.Tokenize(s));
}
