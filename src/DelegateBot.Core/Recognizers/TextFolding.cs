using System.Globalization;
using System.Text;

namespace DelegateBot.Core.Recognizers;

/// <summary>
/// Puts user text into one comparable form: lower case, no accents, straight apostrophes and hyphens,
/// single spaces. People type "Première", "premiere" and "PREMIÈRE" for the same thing, on phones that
/// drop accents, so every recogniser compares folded text.
/// </summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(ch))
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            switch (ch)
            {
                case '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4': sb.Append('\''); break;
                case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014': sb.Append('-'); break;
                case '\u0153' or '\u0152': sb.Append("oe"); break; // sœur
                case '\u00E6' or '\u00C6': sb.Append("ae"); break;
                default: sb.Append(char.ToLowerInvariant(ch)); break;
            }
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    /// <summary>Letters-and-digits words of the folded text ("L'option 2" gives l, option, 2).</summary>
    public static List<string> Tokenize(string? text)
    {
        var folded = Fold(text);
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWord && start < 0) start = i;
            else if (!isWord && start >= 0)
            {
                tokens.Add(folded[start..i]);
                start = -1;
            }
        }
        return tokens;
    }

    /// <summary>
    /// Edit distance with adjacent transpositions counted as one edit ("Sesison"), capped: any result
    /// above <paramref name="max"/> is reported as max + 1 so long strings are not compared in full.
    /// </summary>
    public static int EditDistance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var twoBack = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d = Math.Min(d, twoBack[j - 2] + 1);
                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }
            if (rowMin > max) return max + 1;
            (twoBack, previous, current) = (previous, current, twoBack);
        }
        return Math.Min(previous[b.Length], max + 1);
    }

    /// <summary>Whether <paramref name="sequence"/> occurs as consecutive words in <paramref name="words"/>.</summary>
    public static bool ContainsSequence(IReadOnlyList<string> words, IReadOnlyList<string> sequence)
    {
        if (sequence.Count == 0) return false;
        for (var i = 0; i + sequence.Count <= words.Count; i++)
        {
            var match = true;
            for (var j = 0; j < sequence.Count && match; j++) match = words[i + j] == sequence[j];
            if (match) return true;
        }
        return false;
    }
}
