using DelegateBot.BotFramework.Dialogs.Prompts;
using DelegateBot.Core.Recognizers;
using Microsoft.Extensions.Options;
using BfChoice = DelegateBot.BotFramework.Dialogs.Choices.Choice;
using BfFoundChoice = DelegateBot.BotFramework.Dialogs.Choices.FoundChoice;
using CoreChoice = DelegateBot.Core.Recognizers.Choice;

namespace DelegateBot.Dialogs;

/// <summary>
/// Binds DelegateBot.Core's English/French recognisers to the recogniser delegates the prompts of
/// DelegateBot.BotFramework take. This is the one place both worlds meet: the dialogs library stays
/// protocol-only (it knows how to ask and re-ask, not how to read French), Core stays free of Bot
/// Framework types, and the host, which references both, wires them here.
/// </summary>
public sealed class PromptRecognizers(TimeProvider timeProvider, IOptions<DialogOptions> options)
{
    private readonly DateRecognizer _dates = new(timeProvider);

    public PromptRecognizerResult<decimal> Number(PromptInput input)
    {
        var match = NumberRecognizer.Recognize(input.Text, RecognizerCulture.From(input.Locale));
        return match is null
            ? PromptRecognizerResult<decimal>.Failure(Say(input, "I did not find a number in that.", "Je n'ai pas trouvé de nombre dans votre réponse."))
            : PromptRecognizerResult<decimal>.Success(match.Value, match.Alternatives);
    }

    public PromptRecognizerResult<bool> Confirm(PromptInput input)
        => ConfirmRecognizer.Recognize(input.Text) is { } yes
            ? PromptRecognizerResult<bool>.Success(yes)
            : PromptRecognizerResult<bool>.Failure(Say(input, "Please answer yes or no.", "Merci de répondre par oui ou par non."));

    /// <summary>
    /// Dates are resolved in the user's time zone when the channel sends it (Web Chat's localTimezone),
    /// otherwise in <see cref="DialogOptions.TimeZone"/>.
    /// </summary>
    public PromptRecognizerResult<DateOnly> Date(PromptInput input)
    {
        var result = _dates.Recognize(input.Text, RecognizerCulture.From(input.Locale), TimeZoneOf(input));
        return result is null
            ? PromptRecognizerResult<DateOnly>.Failure(Say(input,
                "I could not read a date in that. Try \"2 March 2007\", \"2007-03-02\" or \"tomorrow\".",
                "Je n'ai pas compris la date. Essayez « 2 mars 2007 », « 2007-03-02 » ou « demain »."))
            : PromptRecognizerResult<DateOnly>.Success(result.Value, result.Alternatives);
    }

    public PromptRecognizerResult<string> Email(PromptInput input)
    {
        var result = EmailRecognizer.Recognize(input.Text);
        // A valid address one letter away from a common domain ("gmial.com") is queried once; sent again, it is taken as meant.
        var insisted = string.Equals(input.PreviousText?.Trim(), input.Text.Trim(), StringComparison.OrdinalIgnoreCase);
        if (result.Succeeded && (result.Suggestion is null || insisted)) return PromptRecognizerResult<string>.Success(result.Address!);
        if (result.Succeeded)
            return PromptRecognizerResult<string>.Failure(Say(input,
                $"Did you mean {result.Suggestion}? If {result.Address} is right, send it again.",
                $"Vouliez-vous dire {result.Suggestion} ? Si {result.Address} est correcte, renvoyez-la."));
        var (en, fr) = result.Problem switch
        {
            EmailProblem.NotAnAddress => ("That does not look like an email address (name@example.org).", "Cela ne ressemble pas à une adresse e-mail (nom@exemple.org)."),
            EmailProblem.InvalidLocalPart => ("The part before the @ is not valid.", "La partie avant le @ n'est pas valide."),
            EmailProblem.TooLong => ("That address is too long.", "Cette adresse est trop longue."),
            _ => ("The part after the @ is not a valid domain.", "La partie après le @ n'est pas un domaine valide."),
        };
        if (result.Suggestion is { } suggestion) (en, fr) = ($"{en} Did you mean {suggestion}?", $"{fr} Vouliez-vous dire {suggestion} ?");
        return PromptRecognizerResult<string>.Failure(Say(input, en, fr));
    }

    /// <summary>Key of <see cref="PromptOptions.Validations"/> giving the calling code that completes national numbers (the meeting's country).</summary>
    public const string CountryCodeKey = "countryCode";

    /// <summary>A phone number; national numbers get the prompt's country code, else <see cref="DialogOptions.DefaultCountryCode"/>.</summary>
    public PromptRecognizerResult<string> Phone(PromptInput input)
    {
        var countryCode = input.Options?.Validations?[CountryCodeKey]?.GetValue<string>() ?? options.Value.DefaultCountryCode;
        var result = PhoneNumberRecognizer.Recognize(input.Text, countryCode);
        if (result.Succeeded) return PromptRecognizerResult<string>.Success(result.Number!.Display);
        var (en, fr) = result.Problem switch
        {
            PhoneProblem.NoDigits => ("I did not find a phone number in that.", "Je n'ai pas trouvé de numéro de téléphone."),
            PhoneProblem.TooShort => ("That number is too short.", "Ce numéro est trop court."),
            PhoneProblem.TooLong => ("That number is too long.", "Ce numéro est trop long."),
            _ => ("I do not know that country code.", "Je ne connais pas cet indicatif de pays."),
        };
        return PromptRecognizerResult<string>.Failure(Say(input,
            $"{en} Please include the country code, e.g. +41 22 917 12 34.",
            $"{fr} Indiquez l'indicatif du pays, par exemple +41 22 917 12 34."));
    }

    /// <summary>One choice; a tie between several is returned as an ambiguity for the prompt to ask back.</summary>
    public PromptRecognizerResult<BfFoundChoice> Choice(PromptInput input, IReadOnlyList<BfChoice> choices)
    {
        var result = ChoiceRecognizer.Recognize(input.Text, ToCore(choices), RecognizerCulture.From(input.Locale));
        if (result.Candidates.Count == 0)
            return PromptRecognizerResult<BfFoundChoice>.Failure(Say(input,
                $"\"{input.Text}\" is not one of the options; please answer with its number or its name.",
                $"« {input.Text} » ne fait pas partie des choix ; répondez par son numéro ou son nom."));
        var found = result.Candidates.Select(ToFound).ToList();
        return PromptRecognizerResult<BfFoundChoice>.Success(found[0], found.Skip(1).ToList());
    }

    /// <summary>
    /// One choice, or an answer of the person's own (index -1, kept as typed) for questions that take both, such as a
    /// title: "first sec" or "3" pick a listed option, "Legal Adviser" is the person's own though it holds the synonym
    /// "Adviser". Words that fit several options equally are asked back once; sent again, they are the person's own.
    /// </summary>
    public PromptRecognizerResult<BfFoundChoice> ChoiceOrOther(PromptInput input, IReadOnlyList<BfChoice> choices)
    {
        var core = ToCore(choices);
        var result = ChoiceRecognizer.Recognize(input.Text, core, RecognizerCulture.From(input.Locale));
        bool Listed(FoundChoice c) => c.Kind is ChoiceMatchKind.Exact or ChoiceMatchKind.Synonym or ChoiceMatchKind.Index || ChoiceRecognizer.NamesOnly(input.Text, core[c.Index]);
        if (result.Match is { } match && Listed(match)) return PromptRecognizerResult<BfFoundChoice>.Success(ToFound(match));
        var insisted = string.Equals(input.PreviousText?.Trim(), input.Text.Trim(), StringComparison.OrdinalIgnoreCase);
        if (result.IsAmbiguous && !insisted && result.Candidates.All(Listed))
        {
            var found = result.Candidates.Select(ToFound).ToList();
            return PromptRecognizerResult<BfFoundChoice>.Success(found[0], found.Skip(1).ToList());
        }
        return PromptRecognizerResult<BfFoundChoice>.Success(new BfFoundChoice { Value = input.Text.Trim(), Index = -1, Score = 1 });
    }

    /// <summary>Several choices; parts not understood or ambiguous are named in the error.</summary>
    public PromptRecognizerResult<IReadOnlyList<BfFoundChoice>> Choices(PromptInput input, IReadOnlyList<BfChoice> choices)
    {
        var result = ChoiceRecognizer.RecognizeMany(input.Text, ToCore(choices), RecognizerCulture.From(input.Locale));
        if (result.Succeeded) return PromptRecognizerResult<IReadOnlyList<BfFoundChoice>>.Success(result.Matches.Select(ToFound).ToList());
        var problems = new List<string>();
        // "Yes" to a question with several options does not say which ("Will you need interpretation?").
        if (result.Matches.Count == 0 && result.Ambiguous.Count == 0 && ConfirmRecognizer.Recognize(input.Text) == true)
            return PromptRecognizerResult<IReadOnlyList<BfFoundChoice>>.Failure(Say(input, "Which ones? Give their numbers or names.", "Lesquels ? Donnez leurs numéros ou leurs noms."));
        foreach (var part in result.Unrecognized) problems.Add(Say(input, $"I did not recognise \"{part}\".", $"Je n'ai pas reconnu « {part} »."));
        foreach (var tie in result.Ambiguous)
        {
            var names = string.Join(Say(input, " or ", " ou "), tie.Candidates.Select(c => $"\"{c.Value}\""));
            problems.Add(Say(input, $"Did you mean {names}?", $"Vouliez-vous dire {names} ?"));
        }
        return PromptRecognizerResult<IReadOnlyList<BfFoundChoice>>.Failure(problems.Count == 0 ? null : string.Join(' ', problems));
    }

    private TimeZoneInfo TimeZoneOf(PromptInput input)
    {
        var id = input.TurnContext.Activity.LocalTimezone;
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        return options.Value.ResolveTimeZone();
    }

    private static List<CoreChoice> ToCore(IReadOnlyList<BfChoice> choices)
        => choices.Select(c => new CoreChoice(c.Value) { Synonyms = c.Synonyms ?? [] }).ToList();

    private static BfFoundChoice ToFound(FoundChoice found)
        => new() { Value = found.Value, Index = found.Index, Score = found.Score };

    private static string Say(PromptInput input, string english, string french)
        => RecognizerCulture.From(input.Locale).Language == RecognizerLanguage.French ? french : english;
}
