namespace DelegateBot.Core.Recognizers;

/// <summary>
/// Yes or no, as people say it in English and French: "yes", "yep", "sure", "ok", "of course", "oui",
/// "ouais", "d'accord", "bien sûr" / "no", "nope", "nah", "non", "pas du tout", "no thanks".
/// Returns null when the text says neither, or both ("yes no").
/// </summary>
public static class ConfirmRecognizer
{
    private const string ThumbsUp = "\U0001F44D";
    private const string ThumbsDown = "\U0001F44E";

    // "I don't know" is no answer at all, though it holds "don't".
    private static readonly string[][] UnsurePhrases = Phrases(
        "don't know", "do not know", "not sure", "dunno", "maybe", "perhaps", "je ne sais pas", "je sais pas",
        "peut etre", "pas sur", "pas sure");

    // Phrases are checked before single words: "not at all" holds no "no", "no problem" means yes.
    private static readonly string[][] NoPhrases = Phrases(
        "not at all", "of course not", "absolutely not", "certainly not", "definitely not", "not really", "no way",
        "no thanks", "no thank you", "i don't", "i do not", "don't", "do not", "rather not", "not now", "not yet",
        "not right", "not correct", "that's wrong",
        "pas du tout", "absolument pas", "surtout pas", "pas vraiment", "pas question", "non merci", "certainement pas",
        "bien sur que non", "pas maintenant", "pas encore", "je ne veux pas", "ne pas", "pas correct", "c'est faux");

    private static readonly string[][] YesPhrases = Phrases(
        "of course", "go ahead", "that's right", "that is right", "sounds good", "looks good", "why not",
        "please do", "i confirm", "no problem", "no worries", "all right", "that's correct", "yes please",
        "bien sur", "d'accord", "tout a fait", "c'est ca", "c'est bon", "c'est correct", "c'est exact", "tres bien",
        "pourquoi pas", "avec plaisir", "je confirme", "pas de probleme", "pas de souci", "ca marche", "ca me va");

    private static readonly HashSet<string> YesWords = new(StringComparer.Ordinal)
    {
        "yes", "yeah", "yea", "yep", "yup", "ya", "yas", "sure", "ok", "okay", "okey", "oki", "kk",
        "affirmative", "correct", "right", "absolutely", "definitely", "certainly", "indeed", "confirm", "confirmed",
        "agreed", "agree", "fine", "alright", "perfect", "great", "exactly",
        "oui", "ouais", "ouai", "ouaip", "ouep", "dac", "daccord", "exact", "exactement", "parfait",
        "volontiers", "certes", "evidemment", "absolument", "certainement", "confirme", "entendu", ThumbsUp,
    };

    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal)
    {
        "no", "nope", "nah", "naw", "nay", "negative", "never", "incorrect", "wrong",
        "non", "nan", "jamais", "aucunement", "nullement", "faux", ThumbsDown,
    };

    // Too short or too common to count inside a sentence ("il y a", "si je peux"): only as the whole answer.
    private static readonly Dictionary<string, bool> SoloWords = new(StringComparer.Ordinal)
    {
        ["y"] = true, ["k"] = true, ["si"] = true, ["n"] = false,
    };

    public static bool? Recognize(string? text)
    {
        var words = TextFolding.Tokenize(text);
        if (text is not null)
        {
            if (text.Contains(ThumbsUp, StringComparison.Ordinal)) words.Add(ThumbsUp);
            if (text.Contains(ThumbsDown, StringComparison.Ordinal)) words.Add(ThumbsDown);
        }
        if (words.Count == 0) return null;
        if (words.Count == 1 && SoloWords.TryGetValue(words[0], out var solo)) return solo;

        if (UnsurePhrases.Any(p => TextFolding.ContainsSequence(words, p))) return null;
        if (NoPhrases.Any(p => TextFolding.ContainsSequence(words, p))) return false;
        if (YesPhrases.Any(p => TextFolding.ContainsSequence(words, p))) return true;

        var yes = words.Any(YesWords.Contains);
        var no = words.Any(NoWords.Contains);
        return yes == no ? null : yes;
    }

    private static string[][] Phrases(params string[] phrases) => phrases.Select(p => TextFolding.Tokenize(p).ToArray()).ToArray();
}
