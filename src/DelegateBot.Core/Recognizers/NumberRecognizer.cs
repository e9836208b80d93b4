using System.Globalization;
using System.Text.RegularExpressions;

namespace DelegateBot.Core.Recognizers;

public enum NumberKind
{
    Cardinal,
    Ordinal,
}

/// <summary>
/// A number found in text. <see cref="Text"/>, <see cref="Start"/> and <see cref="Length"/> refer to the
/// folded text (<see cref="TextFolding.Fold"/>). <see cref="Alternatives"/> holds other plausible readings
/// ("1,000" in French may be one or a thousand), best reading first in <see cref="Value"/>.
/// </summary>
public sealed record NumberMatch(decimal Value, NumberKind Kind, string Text, int Start, int Length)
{
    public IReadOnlyList<decimal> Alternatives { get; init; } = [];
    public bool IsAmbiguous => Alternatives.Count > 0;
}

/// <summary>
/// Finds numbers written as digits ("12", "1,000", "1 000", "3.5", "2nd", "1er") or words ("twelve",
/// "douze", "quatre-vingt-dix-sept", "one hundred and five", "premier", "twenty-first") in English and French.
/// </summary>
public static partial class NumberRecognizer
{
    [GeneratedRegex(@"(?<![\w.,])(?<sign>[-+])?(?<num>\d{1,3}(?:[ ']\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*)(?<suffix>ere|er|re|eme|nde|st|nd|rd|th|e|d)?(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsRegex();

    [GeneratedRegex(@"[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordRegex();

    /// <summary>The first number in the text, or null.</summary>
    public static NumberMatch? Recognize(string? text, RecognizerCulture? culture = null)
        => RecognizeAll(text, culture) is [var first, ..] ? first : null;

    /// <summary>Every number in the text, in reading order.</summary>
    public static IReadOnlyList<NumberMatch> RecognizeAll(string? text, RecognizerCulture? culture = null)
    {
        culture ??= RecognizerCulture.English;
        var folded = TextFolding.Fold(text);
        var matches = new List<NumberMatch>();
        foreach (Match m in DigitsRegex().Matches(folded))
        {
            var parsed = InterpretDigits(m.Groups["num"].Value, culture);
            if (parsed is null) continue;
            var (value, alternatives) = parsed.Value;
            var suffix = m.Groups["suffix"];
            if (m.Groups["sign"].Value == "-")
            {
                value = -value;
                alternatives = alternatives.Select(a => -a).ToList();
            }
            var kind = suffix.Success && IsOrdinalSuffix(m.Groups["num"].Value, suffix.Value) ? NumberKind.Ordinal : NumberKind.Cardinal;
            if (suffix.Success && kind == NumberKind.Cardinal) continue; // "3d" is not a number we know
            matches.Add(new NumberMatch(value, kind, m.Value, m.Index, m.Length) { Alternatives = alternatives });
        }
        matches.AddRange(RecognizeWords(folded));
        matches.Sort((a, b) => a.Start.CompareTo(b.Start));
        return matches;
    }

    /// <summary>Whether "st/nd/rd/th/er/e/ème" fits the digits: 1st, 2nd, 3rd, 4th, 1er, 1re, 2e, 2ème, 2nd(e).</summary>
    private static bool IsOrdinalSuffix(string digits, string suffix)
    {
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
        var lastTwo = n % 100;
        var last = n % 10;
        return suffix switch
        {
            "st" => last == 1 && lastTwo != 11,
            "nd" => (last == 2 && lastTwo != 12) || n == 2,
            "rd" => last == 3 && lastTwo != 13,
            "th" => true, // "1th" is a typo we still understand
            "er" or "re" or "ere" => n == 1,
            "e" or "eme" => n >= 1,
            "nde" or "d" => n == 2,
            _ => false,
        };
    }

    /// <summary>Reads a digit literal with the culture's separators; null when the grouping is malformed.</summary>
    private static (decimal Value, List<decimal> Alternatives)? InterpretDigits(string literal, RecognizerCulture culture)
    {
        var alternatives = new List<decimal>();
        // Spaces and apostrophes only ever group thousands (fr "1 000", fr-CH "1'000").
        var s = literal.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal);
        var commas = s.Count(c => c == ',');
        var dots = s.Count(c => c == '.');
        if (commas > 0 && dots > 0)
        {
            var decimalSep = s.LastIndexOf(',') > s.LastIndexOf('.') ? ',' : '.';
            var groupSep = decimalSep == ',' ? '.' : ',';
            var cut = s.LastIndexOf(decimalSep);
            if (s.IndexOf(decimalSep) != cut || !ValidGrouping(s[..cut], groupSep)) return null;
            return (Parse(s[..cut].Replace(groupSep.ToString(), string.Empty, StringComparison.Ordinal) + "." + s[(cut + 1)..]), alternatives);
        }
        if (commas + dots == 0) return (Parse(s), alternatives);
        var sep = commas > 0 ? ',' : '.';
        if (commas + dots > 1)
            return ValidGrouping(s, sep) ? (Parse(s.Replace(sep.ToString(), string.Empty, StringComparison.Ordinal)), alternatives) : null;

        var index = s.IndexOf(sep);
        var integer = s[..index];
        var fraction = s[(index + 1)..];
        var asDecimal = Parse(integer + "." + fraction);
        var couldGroup = fraction.Length == 3 && integer.Length <= 3 && integer[0] != '0';
        if (!couldGroup) return (asDecimal, alternatives);
        var asGroup = Parse(integer + fraction);
        if (sep == culture.DecimalSeparator)
        {
            alternatives.Add(asGroup); // fr "1,000": one, or a thousand typed the English way
            return (asDecimal, alternatives);
        }
        if (sep == '.') alternatives.Add(asDecimal); // fr "1.000": a thousand, or 1.0 typed the English way
        return (asGroup, alternatives);
    }

    private static bool ValidGrouping(string s, char sep)
    {
        var groups = s.Split(sep);
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }

    private static decimal Parse(string s) => decimal.Parse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private readonly record struct WordToken(string Word, int Start, int End);

    private static IEnumerable<NumberMatch> RecognizeWords(string folded)
    {
        var tokens = new List<WordToken>();
        foreach (Match m in WordRegex().Matches(folded))
            tokens.Add(new WordToken(m.Value, m.Index, m.Index + m.Length));
        // "quatre-vingt(s)" is 4 × 20, not 4 + 20: make it one token before parsing.
        JoinQuatreVingt(tokens);

        var results = new List<NumberMatch>();
        var i = 0;
        while (i < tokens.Count)
        {
            var parsed = ParseNumberAt(tokens, i, out var consumed);
            if (parsed is null)
            {
                i++;
                continue;
            }
            var (value, kind) = parsed.Value;
            var first = tokens[i];
            var last = tokens[i + consumed - 1];
            results.Add(new NumberMatch(value, kind, folded[first.Start..last.End], first.Start, last.End - first.Start));
            i += consumed;
            // "the second one": "one" after an ordinal is a pronoun, not a number.
            if (kind == NumberKind.Ordinal && i < tokens.Count && tokens[i].Word == "one") i++;
        }
        return results;
    }

    private static void JoinQuatreVingt(List<WordToken> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var next = tokens[i + 1].Word;
            if (tokens[i].Word == "quatre" && next is "vingt" or "vingts" or "vingtieme")
            {
                tokens[i] = new WordToken(next == "vingtieme" ? "quatrevingtieme" : "quatrevingt", tokens[i].Start, tokens[i + 1].End);
                tokens.RemoveAt(i + 1);
            }
        }
    }

    /// <summary>Parses the longest number phrase starting at token <paramref name="start"/>.</summary>
    private static (decimal, NumberKind)? ParseNumberAt(List<WordToken> tokens, int start, out int consumed)
    {
        consumed = 0;
        long total = 0, current = 0, lastAdded = -1;
        var any = false;
        var kind = NumberKind.Cardinal;
        var i = start;
        while (i < tokens.Count)
        {
            var word = tokens[i].Word;
            var isOrdinal = false;
            if (!NumberWords.Units.ContainsKey(word) && !NumberWords.Scales.ContainsKey(word) && NumberWords.TryOrdinal(word, out var cardinal))
            {
                word = cardinal;
                isOrdinal = true;
            }

            // Connectors inside a number: "one hundred and five", "vingt et un", "soixante et onze".
            if (any && word is "and" or "et" && i + 1 < tokens.Count)
            {
                var next = tokens[i + 1].Word;
                var nextIsUnit = NumberWords.Units.TryGetValue(next, out var nv) || (NumberWords.TryOrdinal(next, out var nc) && NumberWords.Units.TryGetValue(nc, out nv));
                var fits = word == "and"
                    ? lastAdded >= 100 && nextIsUnit && nv < 100
                    : lastAdded is >= 20 and <= 70 && lastAdded % 10 == 0 && nextIsUnit && nv is 1 or 11;
                if (!fits) break;
                i++;
                continue;
            }
            // "a hundred", "a thousand".
            if (!any && word == "a" && i + 1 < tokens.Count && NumberWords.Scales.ContainsKey(tokens[i + 1].Word))
            {
                current = 1;
                any = true;
                i++;
                continue;
            }

            if (NumberWords.Units.TryGetValue(word, out var unit))
            {
                var fits = !any || current == 0 || (lastAdded >= 10 && lastAdded % 10 == 0 && unit < lastAdded);
                if (!fits) break;
                current += unit;
                lastAdded = unit;
            }
            else if (NumberWords.Scales.TryGetValue(word, out var scale))
            {
                if (scale == 100)
                {
                    if (current >= 100) break;
                    current = (current == 0 ? 1 : current) * 100;
                }
                else
                {
                    total += (current == 0 ? 1 : current) * scale;
                    current = 0;
                }
                lastAdded = scale;
            }
            else
            {
                break;
            }
            any = true;
            i++;
            if (isOrdinal)
            {
                kind = NumberKind.Ordinal;
                break; // an ordinal word ends the number ("twenty-first")
            }
        }
        if (!any) return null;
        // A dangling connector is not part of the number.
        consumed = i - start;
        while (consumed > 0 && tokens[start + consumed - 1].Word is "and" or "et" or "a") consumed--;
        return consumed == 0 ? null : (total + current, kind);
    }
}
