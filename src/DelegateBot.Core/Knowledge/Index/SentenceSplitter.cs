using System.Text.RegularExpressions;

namespace DelegateBot.Core.Knowledge.Index;

/// <summary>Splits prose into sentences without breaking after "Mr.", "H.E.", "e.g.", "a.i." or an initial ("John D.").</summary>
internal static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "e.g", "i.e", "a.i", "corr", "inc", "ltd", "co", "vs", "cf",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "pp", "p", "para", "paras",
        "art", "arts", "fig", "vol", "h.e", "u.s", "u.n", "rev", "gen", "sr", "jr", "approx", "op", "cit", "ibid", "al",
        "amb", "hon", "rt", "sen", "rep", "gov", "mme", "messrs", "ph.d", "a.m", "p.m", "ch", "sec", "govt",
    };

    public static List<string> Split(string text)
    {
        var result = new List<string>();
        var start = 0;
        foreach (Match m in Boundary().Matches(text))
        {
            var end = m.Index + m.Length;
            var before = text[start..m.Index];
            var word = LastWord().Match(before).Value.TrimEnd('.');
            var isInitial = word.Length == 1 && char.IsUpper(word[0]);
            if (text[m.Index] == '.' && (Abbreviations.Contains(word) || isInitial)) continue;
            var sentence = text[start..end].Trim();
            if (sentence.Length > 0) result.Add(sentence);
            start = end;
        }
        var tail = text[start..].Trim();
        if (tail.Length > 0) result.Add(tail);
        return result;
    }

    [GeneratedRegex(@"[.!?][""”’')\]]*(?=\s+[""“‘(\[]?[A-Z0-9])")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"[\p{L}.]+$")]
    private static partial Regex LastWord();
}
