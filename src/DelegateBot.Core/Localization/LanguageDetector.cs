using System.Globalization;
using System.Text;

namespace DelegateBot.Core.Localization;

/// <summary>
/// Tells which of the catalog's languages a short message is written in, from each language's cues in its own file:
/// <c>language.words</c> (function words, question words, greetings: "où", "est", "bonjour") and
/// <c>language.letters</c> (letters the others rarely use: "é", "ç"). Built for chat lines ("bonjour", "où est la
/// salle ?"), not documents; it answers null rather than guess: no cue, or two languages equally likely.
/// </summary>
public sealed class LanguageDetector
{
    private readonly IReadOnlyList<(string Language, HashSet<string> Words, string Letters)> _languages;

    public LanguageDetector(IBotText text)
    {
        _languages = [.. text.Languages.Select(language =>
        {
            var culture = CultureInfo.GetCultureInfo(language);
            var words = text.Get("language.words", culture).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            return (language, words, text.Get("language.letters", culture));
        })];
    }

    /// <summary>The language ("fr", "en") the message is most likely in, or null when it shows no clear sign.</summary>
    public string? Detect(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return null;
        var lower = message.ToLowerInvariant();
        var tokens = Tokens(lower);
        var scores = new double[_languages.Count];
        for (var i = 0; i < _languages.Count; i++)
        {
            var (_, words, letters) = _languages[i];
            foreach (var token in tokens)
            {
                if (words.Contains(token)) scores[i] += 1;
                // "l'ordre", "qu'est-ce": the elided or hyphenated parts count as words too.
                else if (token.IndexOfAny(['\'', '-']) > 0 && token.Split('\'', '-').Any(words.Contains)) scores[i] += 1;
            }
            // A word with a letter of the language's own (an accent) is a strong sign, but a name may carry one.
            if (letters.Length > 0) scores[i] += 0.75 * tokens.Count(t => t.IndexOfAny(letters.ToCharArray()) >= 0);
        }
        // The single highest scorer; no cue at all, or a tie, is no answer.
        var max = scores.Max();
        if (max <= 0) return null;
        var top = Enumerable.Range(0, scores.Length).Where(i => scores[i] == max).ToList();
        return top.Count == 1 ? _languages[top[0]].Language : null;
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetter(c) || ((c == '\'' || c == '’' || c == '-') && sb.Length > 0)) sb.Append(c == '’' ? '\'' : c);
            else if (sb.Length > 0) { tokens.Add(sb.ToString().Trim('\'', '-')); sb.Clear(); }
        }
        if (sb.Length > 0) tokens.Add(sb.ToString().Trim('\'', '-'));
        return tokens;
    }
}
