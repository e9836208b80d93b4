using DelegateBot.Core.Recognizers;

namespace DelegateBot.Core.Registrations;

public enum RegistrationIntentKind
{
    None,
    /// <summary>"I want to register", "je veux m'inscrire", "sign me up for the seminar".</summary>
    Register,
    /// <summary>"Am I registered?", "suis-je inscrit ?".</summary>
    Status,
    /// <summary>"Cancel my registration", "annuler mon inscription".</summary>
    Cancel,
    /// <summary>"List registrations", "who registered?" (organisers only).</summary>
    List,
}

/// <summary>
/// What a message asks of registration, the language it was said in, and the words left once the intent's
/// own words are removed (which may name the meeting: "register for the UNITAR seminar").
/// </summary>
public sealed record RegistrationIntent(RegistrationIntentKind Kind, RecognizerLanguage Language, string Rest);

/// <summary>Recognises the registration requests of a message, in English and French.</summary>
public static class RegistrationIntents
{
    private static readonly string[][] StatusPhrases = Phrases(
        "am i registered", "am i signed up", "am i enrolled", "have i registered", "did i register", "registration status",
        "my registration", "check my registration", "is my registration", "suis je inscrit", "suis je inscrite",
        "est ce que je suis inscrit", "est ce que je suis inscrite", "je suis inscrit", "je suis inscrite", "mon inscription",
        "statut de mon inscription");

    private static readonly string[][] ListPhrases = Phrases(
        "list registrations", "list the registrations", "list of registrations", "registrations list", "show registrations",
        "show the registrations", "export registrations", "who registered", "who has registered", "who is registered",
        "how many registrations", "how many registered", "liste des inscriptions", "lister les inscriptions", "qui est inscrit",
        "qui s est inscrit", "combien d inscrits", "combien d inscriptions", "exporter les inscriptions");

    private static readonly HashSet<string> CancelWords = new(StringComparer.Ordinal)
        { "cancel", "withdraw", "annuler", "annule", "retirer", "unregister", "deregister", "desinscrire", "desinscrivez", "desinscription" };

    private static readonly HashSet<string> CancelObjects = new(StringComparer.Ordinal)
        { "registration", "register", "registered", "nomination", "inscription", "inscrit", "inscrite", "me", "my", "mon", "ma" };

    private static readonly HashSet<string> RegisterWords = new(StringComparer.Ordinal)
        { "register", "registration", "signup", "enrol", "enroll", "enrolment", "enrollment", "nominate", "nomination", "inscrire", "inscription", "inscris", "inscrivez", "participate" };

    // A question about registration, not a request to register: the documents answer those.
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
        { "deadline", "when", "until", "limite", "quand", "closing", "closes", "close", "fee", "fees", "cost", "frais", "prix", "form", "formulaire", "address", "adresse" };

    private static readonly HashSet<string> FrenchWords = new(StringComparer.Ordinal)
        { "je", "veux", "voudrais", "souhaite", "inscrire", "inscription", "inscris", "inscrivez", "inscrit", "inscrite", "annuler", "mon", "ma", "suis", "liste", "qui", "combien", "desinscrire", "au", "aux", "pour", "m", "moi", "les", "des" };

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "i", "want", "would", "like", "to", "please", "for", "the", "me", "can", "could", "you", "how", "do", "a", "an", "at", "in", "on", "up", "sign", "now", "register", "registration",
        "je", "veux", "voudrais", "souhaite", "m", "moi", "pour", "a", "au", "aux", "la", "le", "l", "les", "du", "de", "des", "d", "s", "il", "vous", "plait", "svp", "inscrire", "inscription", "inscris", "inscrivez",
        "enrol", "enroll", "nominate", "nomination", "participate", "signup", "comment", "est", "ce", "que",
        // The words of the status and list phrases.
        "am", "is", "are", "have", "has", "did", "my", "status", "check", "from", "of", "list", "show", "export", "who", "many",
        "registrations", "registered", "enrolled", "suis", "inscrit", "inscrite", "inscrits", "inscriptions", "liste", "lister",
        "qui", "combien", "exporter", "mon", "ma", "statut",
    };

    public static RegistrationIntent Recognize(string? text)
    {
        var tokens = TextFolding.Tokenize(text);
        var language = tokens.Any(FrenchWords.Contains) ? RecognizerLanguage.French : RecognizerLanguage.English;
        if (tokens.Count == 0) return new RegistrationIntent(RegistrationIntentKind.None, language, string.Empty);

        if (tokens.Any(CancelWords.Contains) && (tokens.Any(CancelObjects.Contains) || tokens.Any(t => t is "unregister" or "deregister" or "desinscrire")))
            return new RegistrationIntent(RegistrationIntentKind.Cancel, language, Rest(tokens));
        if (ListPhrases.Any(p => TextFolding.ContainsSequence(tokens, p)))
            return new RegistrationIntent(RegistrationIntentKind.List, language, Rest(tokens));
        if (StatusPhrases.Any(p => TextFolding.ContainsSequence(tokens, p)))
            return new RegistrationIntent(RegistrationIntentKind.Status, language, Rest(tokens));
        var asksToRegister = tokens.Any(RegisterWords.Contains) || TextFolding.ContainsSequence(tokens, ["sign", "up"]) || TextFolding.ContainsSequence(tokens, ["sign", "me", "up"]);
        if (asksToRegister && !tokens.Any(QuestionWords.Contains))
            return new RegistrationIntent(RegistrationIntentKind.Register, language, Rest(tokens));
        return new RegistrationIntent(RegistrationIntentKind.None, language, string.Empty);
    }

    private static string Rest(List<string> tokens)
        => string.Join(' ', tokens.Where(t => !Filler.Contains(t) && !CancelWords.Contains(t) && !CancelObjects.Contains(t) && !RegisterWords.Contains(t)));

    private static string[][] Phrases(params string[] phrases) => phrases.Select(p => TextFolding.Tokenize(p).ToArray()).ToArray();
}
