using System.Text.Json;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Dialogs.Choices;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// What a recogniser gets: the user's text, the locale to read it in, and the turn (for the user's time
/// zone, channel, etc.).
/// </summary>
public sealed record PromptInput(string Text, string Locale, ITurnContext TurnContext)
{
    /// <summary>What the user answered to this prompt last time, if anything: lets a recogniser accept an answer the user insists on.</summary>
    public string? PreviousText { get; init; }

    /// <summary>The prompt's options: a recogniser may read settings the caller put in <see cref="PromptOptions.Validations"/>.</summary>
    public PromptOptions? Options { get; init; }

    /// <summary>
    /// The text of a message, or for a card submit with no text, the "text" (or "value") field of its value.
    /// </summary>
    public static string TextOf(Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Text)) return activity.Text.Trim();
        if (activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            foreach (var name in new[] { "text", "value" })
            {
                if (value.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.String) return field.GetString()!.Trim();
            }
        }
        return string.Empty;
    }
}

// The dialogs library knows how to ask and re-ask, not how to read English or French: prompts take these
// recognisers, and the host binds them to DelegateBot.Core's (see the host's Dialogs/PromptRecognizers).

/// <summary>Reads one value of <typeparamref name="T"/> from the user's input.</summary>
public delegate PromptRecognizerResult<T> InputRecognizer<T>(PromptInput input);

/// <summary>Picks one of the offered choices.</summary>
public delegate PromptRecognizerResult<FoundChoice> ChoiceInputRecognizer(PromptInput input, IReadOnlyList<Choice> choices);

/// <summary>Picks any number of the offered choices (an empty list means "none").</summary>
public delegate PromptRecognizerResult<IReadOnlyList<FoundChoice>> MultiChoiceInputRecognizer(PromptInput input, IReadOnlyList<Choice> choices);
