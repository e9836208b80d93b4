using DelegateBot.Core.Recognizers;

namespace DelegateBot.Core.Registrations;

public enum FlowCommand
{
    None,
    Cancel,
    Help,
    Back,
    StartOver,
}

/// <summary>What the person wants to do with the summary of their registration.</summary>
public enum SummaryAction
{
    None,
    Confirm,
    /// <summary>Change a field (<see cref="SummaryReply.StepId"/>), or ask which one when it is null.</summary>
    Change,
    /// <summary>"No": something is wrong, but they did not say what.</summary>
    Decline,
}

public sealed record SummaryReply(SummaryAction Action, string? StepId = null);

/// <summary>
/// The words that steer a form at any step ("cancel", "help", "back", "start over", in English and French),
/// questions asked in the middle of it, and replies to its summary ("confirm", "change email").
/// </summary>
public static class FlowCommands
{
    private static readonly Dictionary<string, FlowCommand> Commands = new(StringComparer.Ordinal)
    {
        ["cancel"] = FlowCommand.Cancel, ["stop"] = FlowCommand.Cancel, ["quit"] = FlowCommand.Cancel, ["exit"] = FlowCommand.Cancel,
        ["abort"] = FlowCommand.Cancel, ["annuler"] = FlowCommand.Cancel, ["annule"] = FlowCommand.Cancel, ["arreter"] = FlowCommand.Cancel,
        ["arrete"] = FlowCommand.Cancel, ["quitter"] = FlowCommand.Cancel,
        ["help"] = FlowCommand.Help, ["aide"] = FlowCommand.Help, ["aidez"] = FlowCommand.Help, ["?"] = FlowCommand.Help,
        ["back"] = FlowCommand.Back, ["previous"] = FlowCommand.Back, ["retour"] = FlowCommand.Back, ["precedent"] = FlowCommand.Back,
        ["precedente"] = FlowCommand.Back,
        ["restart"] = FlowCommand.StartOver, ["recommencer"] = FlowCommand.StartOver, ["reset"] = FlowCommand.StartOver,
    };

    private static readonly string[][] StartOverPhrases = Phrases("start over", "start again", "begin again", "from the beginning", "depuis le debut", "reprendre a zero", "tout recommencer");
    private static readonly string[][] BackPhrases = Phrases("go back", "previous question", "question precedente", "revenir en arriere");

    // Words that may surround a command without changing it ("cancel please", "go back", "aide-moi",
    // "cancel my registration": said in the middle of the form, it stops the form).
    private static readonly HashSet<string> Politeness = new(StringComparer.Ordinal)
    {
        "please", "pls", "plz", "the", "this", "registration", "it", "all", "now", "me", "moi", "svp", "s", "il", "vous", "plait", "l",
        "inscription", "tout", "go", "i", "want", "to", "need", "je", "veux", "j", "ai", "besoin", "d", "de", "stp", "my", "mon", "ma",
        "form", "formulaire", "let", "lets", "can", "you", "ok", "okay",
    };

    private static readonly HashSet<string> QuestionStarts = new(StringComparer.Ordinal)
    {
        "where", "when", "what", "who", "whom", "whose", "how", "which", "why", "is", "are", "does", "do", "can", "could", "will", "should",
        "ou", "quand", "quel", "quelle", "quels", "quelles", "qui", "comment", "pourquoi", "combien", "est", "y",
    };

    private static readonly HashSet<string> ConfirmWords = new(StringComparer.Ordinal)
        { "confirm", "confirmed", "submit", "register", "send", "done", "confirmer", "confirme", "valider", "valide", "envoyer", "soumettre", "terminer" };

    private static readonly HashSet<string> ChangeWords = new(StringComparer.Ordinal)
        { "change", "edit", "modify", "update", "correct", "fix", "modifier", "modifie", "changer", "change", "corriger", "editer" };

    public static FlowCommand Recognize(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed == "?") return FlowCommand.Help;
        var tokens = TextFolding.Tokenize(trimmed);
        if (tokens.Count == 0 || tokens.Count > 6) return FlowCommand.None;
        if (StartOverPhrases.Any(p => TextFolding.ContainsSequence(tokens, p))) return FlowCommand.StartOver;
        if (BackPhrases.Any(p => TextFolding.ContainsSequence(tokens, p))) return FlowCommand.Back;
        var meaningful = tokens.Where(t => !Politeness.Contains(t)).ToList();
        return meaningful is [var only] && Commands.TryGetValue(only, out var command) ? command : FlowCommand.None;
    }

    /// <summary>
    /// A question rather than an answer: it ends with "?" and has at least two words, or starts with a
    /// question word and has at least three ("where is the seminar", "où a lieu le séminaire").
    /// </summary>
    public static bool IsQuestion(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        var tokens = TextFolding.Tokenize(trimmed);
        if (trimmed.EndsWith('?') && tokens.Count >= 2) return true;
        return tokens.Count >= 3 && QuestionStarts.Contains(tokens[0]) && !(tokens[0] is "y" && tokens[1] != "a");
    }

    /// <summary>Reads a reply to the summary. <paramref name="fields"/> are the steps (id and the names they are shown under), in order.</summary>
    public static SummaryReply ReadSummaryReply(string? text, IReadOnlyList<(string StepId, IReadOnlyList<string> Names)> fields)
    {
        var tokens = TextFolding.Tokenize(text);
        if (tokens.Count == 0) return new SummaryReply(SummaryAction.None);
        var choices = fields.Select(f => new Choice(f.Names[0]) { Synonyms = [.. f.Names.Skip(1), f.StepId] }).ToList();
        var changeAt = tokens.FindIndex(ChangeWords.Contains);
        if (changeAt >= 0)
        {
            var rest = string.Join(' ', tokens.Skip(changeAt + 1).Where(t => t is not ("my" or "the" or "mon" or "ma" or "le" or "la" or "l" or "field" or "champ")));
            if (rest.Length == 0) return new SummaryReply(SummaryAction.Change);
            var field = ChoiceRecognizer.Recognize(rest, choices);
            return new SummaryReply(SummaryAction.Change, field.Match is { } m ? fields[m.Index].StepId : null);
        }
        if (tokens.Any(ConfirmWords.Contains) || ConfirmRecognizer.Recognize(text) == true) return new SummaryReply(SummaryAction.Confirm);
        if (ConfirmRecognizer.Recognize(text) == false) return new SummaryReply(SummaryAction.Decline);
        // A field named on its own ("email") means changing it.
        var named = ChoiceRecognizer.Recognize(text, choices);
        return named.Match is { Kind: ChoiceMatchKind.Exact or ChoiceMatchKind.Synonym } match
            ? new SummaryReply(SummaryAction.Change, fields[match.Index].StepId)
            : new SummaryReply(SummaryAction.None);
    }

    private static string[][] Phrases(params string[] phrases) => phrases.Select(p => TextFolding.Tokenize(p).ToArray()).ToArray();
}
