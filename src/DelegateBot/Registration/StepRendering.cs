using System.Globalization;
using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Dialogs.Choices;
using DelegateBot.BotFramework.Dialogs.Prompts;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Core.Registrations;
using DelegateBot.Core.Registrations.Definition;
using DelegateBot.Dialogs;

namespace DelegateBot.Registration;

/// <summary>Turns steps of the definition into prompts, and answers into what is stored and what is shown.</summary>
internal static class StepRendering
{
    public const string StepKey = "step";
    public const string TimeZoneKey = "timeZone";

    // The six UN languages by their English names, with the French names people type and read.
    private static readonly Dictionary<string, string> FrenchLanguageNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Arabic"] = "arabe", ["Chinese"] = "chinois", ["English"] = "anglais", ["French"] = "français", ["Russian"] = "russe", ["Spanish"] = "espagnol",
    };

    /// <summary>The options of a choice step: stored value, what the person sees and other words for it.</summary>
    public sealed record StepChoice(string Value, string Shown, IReadOnlyList<string> Synonyms);

    public static IReadOnlyList<StepChoice> ChoicesOf(StepDefinition step, RegistrationMeeting meeting, string locale) => step.ChoicesSource switch
    {
        ChoiceSources.MeetingSessions => meeting.Sessions.Select(s => new StepChoice(s.Title, s.Title, [s.Id])).ToList(),
        ChoiceSources.MeetingInterpretation => meeting.InterpretationLanguages.Select(l => new StepChoice(l, LanguageName(l, locale), LanguageSynonyms(l))).ToList(),
        _ => step.Choices.Select(c => new StepChoice(c.Value, c.Label.For(locale), [c.Value, c.Label.En, .. c.Label.Fr is null ? [] : new[] { c.Label.Fr }, .. c.Synonyms])).ToList(),
    };

    /// <summary>The prompt of choice steps that also take an answer of the person's own ("allowOther").</summary>
    public const string ChoiceOrOtherPromptId = "choice-or-other";

    public static string PromptId(StepDefinition step) => step is { Type: StepType.Choice, AllowOther: true } ? ChoiceOrOtherPromptId : PromptId(step.Type);

    public static string PromptId(StepType type) => type switch
    {
        StepType.Text => "text",
        StepType.Email => "email",
        StepType.Phone => "phone",
        StepType.Choice => "choice",
        StepType.MultiChoice => "multi",
        StepType.Confirm => "confirm",
        StepType.Date => "date",
        _ => "number",
    };

    public static PromptOptions PromptOptionsFor(StepDefinition step, RegistrationDefinition definition, RegistrationMeeting meeting, RegistrationForm form, IReadOnlyDictionary<string, string?> values)
    {
        var locale = form.Locale;
        var prompt = step.Prompt.Format(locale, values);
        var retry = (step.Retry ?? step.Prompt).Format(locale, values);
        if (step.Optional)
        {
            // Said again after a wrong answer too: skipping is the way out of an optional question.
            prompt += " " + definition.Message("optionalHint").For(locale);
            retry += " " + definition.Message("optionalHint").For(locale);
        }
        if (form.Answer(step.Id) is { } current)
            prompt += "\n\n" + (locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? "Actuellement : " : "Currently: ") + Display(step, current, meeting, definition, locale);
        var choices = step.Type is StepType.Choice or StepType.MultiChoice
            ? ChoicesOf(step, meeting, locale).Select(c => new Choice(c.Shown) { Synonyms = c.Synonyms.Distinct().ToList() }).ToList()
            : null;
        return new PromptOptions
        {
            Prompt = Activity.CreateMessageActivity(prompt),
            RetryPrompt = Activity.CreateMessageActivity(retry),
            Choices = choices,
            Locale = locale,
            Validations = new JsonObject { [StepKey] = step.Id, [PromptRecognizers.CountryCodeKey] = meeting.CountryCode, [TimeZoneKey] = meeting.TimeZone },
        };
    }

    /// <summary>What a prompt returned, as stored: canonical values (the English value of a choice), dates in ISO form.</summary>
    public static RegistrationAnswer ToAnswer(StepDefinition step, RegistrationMeeting meeting, string locale, object? result)
    {
        var choices = step.Type is StepType.Choice or StepType.MultiChoice ? ChoicesOf(step, meeting, locale) : [];
        return result switch
        {
            FoundChoice { Index: >= 0 } found when found.Index < choices.Count => new RegistrationAnswer(choices[found.Index].Value),
            FoundChoice other => new RegistrationAnswer(other.Value), // "allowOther": kept as typed
            IReadOnlyList<FoundChoice> many => Many(many.Select(f => f.Index >= 0 && f.Index < choices.Count ? choices[f.Index].Value : f.Value).ToList()),
            bool yes => new RegistrationAnswer(yes ? "yes" : "no"),
            DateOnly date => new RegistrationAnswer(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            decimal number => new RegistrationAnswer(number.ToString(CultureInfo.InvariantCulture)),
            _ => new RegistrationAnswer(result?.ToString()?.Trim() ?? string.Empty),
        };
    }

    public static RegistrationAnswer Many(IReadOnlyList<string> items) => new(string.Join("; ", items)) { Items = items };

    /// <summary>An answer as the person reads it in the summary, in their language.</summary>
    public static string Display(StepDefinition step, RegistrationAnswer answer, RegistrationMeeting meeting, RegistrationDefinition definition, string locale)
    {
        if (string.IsNullOrWhiteSpace(answer.Value)) return definition.Message("none").For(locale);
        var french = locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
        switch (step.Type)
        {
            case StepType.Choice:
            case StepType.MultiChoice:
                var choices = ChoicesOf(step, meeting, locale);
                var items = step.Type == StepType.MultiChoice ? answer.Items : [answer.Value];
                return string.Join(", ", items.Select(i => choices.FirstOrDefault(c => c.Value == i)?.Shown ?? i));
            case StepType.Confirm:
                var culture = PromptCulture.For(locale);
                return answer.Value == "yes" ? culture.Yes : culture.No;
            case StepType.Date when DateOnly.TryParseExact(answer.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return date.ToString("D", CultureInfo.GetCultureInfo(french ? "fr-FR" : "en-GB"));
            default:
                return answer.Value;
        }
    }

    public static string FormatDate(DateOnly? date, string locale)
        => date?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? "fr-FR" : "en-GB")) ?? "-";

    private static string LanguageName(string language, string locale)
        => locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) && FrenchLanguageNames.TryGetValue(language, out var fr) ? fr : language;

    private static IReadOnlyList<string> LanguageSynonyms(string language)
        => FrenchLanguageNames.TryGetValue(language, out var fr) ? [language, fr, language[..2].ToUpperInvariant()] : [language];
}
