using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Dialogs.Choices;

namespace DelegateBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Yes or no (SDK: ConfirmPrompt). Shows "(1) Yes or (2) No" with buttons, in the prompt's language;
/// besides the recogniser's phrasings it accepts the button labels and their numbers.
/// </summary>
public sealed class ConfirmPrompt(string dialogId, InputRecognizer<bool> recognizer, PromptValidator<bool>? validator = null)
    : Prompt<bool>(dialogId, validator)
{
    public ListStyle Style { get; set; } = ListStyle.Auto;

    protected override Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var culture = PromptCulture.For(GetLocale(turnContext, options));
        var prompt = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        var activity = ChoiceFactory.ForStyle(options.Style ?? Style, [new Choice(culture.Yes), new Choice(culture.No)], prompt, culture.ChoiceOptions());
        return turnContext.SendActivityAsync(activity, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        var input = GetInput(turnContext, state, options);
        var result = input.Text.Length == 0 ? PromptRecognizerResult<bool>.Failure() : recognizer(input);
        if (!result.Succeeded)
        {
            var culture = PromptCulture.For(input.Locale);
            var text = input.Text.Trim().TrimEnd('.', '!');
            if (text == "1" || text.Equals(culture.Yes, StringComparison.OrdinalIgnoreCase)) result = PromptRecognizerResult<bool>.Success(true);
            else if (text == "2" || text.Equals(culture.No, StringComparison.OrdinalIgnoreCase)) result = PromptRecognizerResult<bool>.Success(false);
        }
        return Task.FromResult(result);
    }
}

/// <summary>
/// One of a list of choices (SDK: ChoicePrompt). The choices are shown numbered, with buttons; the
/// recogniser matches numbers, names, synonyms and partial names. Ties are asked back.
/// </summary>
public sealed class ChoicePrompt(string dialogId, ChoiceInputRecognizer recognizer, PromptValidator<FoundChoice>? validator = null)
    : Prompt<FoundChoice>(dialogId, validator)
{
    public ListStyle Style { get; set; } = ListStyle.Auto;

    protected override Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
        => SendChoicesAsync(turnContext, options, options.Style ?? Style, GetLocale(turnContext, options), isRetry, cancellationToken);

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        var input = GetInput(turnContext, state, options);
        var choices = options.Choices ?? [];
        return Task.FromResult(input.Text.Length == 0 || choices.Count == 0 ? PromptRecognizerResult<FoundChoice>.Failure() : recognizer(input, choices));
    }

    protected override string FormatValue(FoundChoice value, string locale) => value.Value;

    internal static Task SendChoicesAsync(ITurnContext turnContext, PromptOptions options, ListStyle style, string locale, bool isRetry, CancellationToken cancellationToken)
    {
        var prompt = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        var activity = ChoiceFactory.ForStyle(style, options.Choices ?? [], prompt, PromptCulture.For(locale).ChoiceOptions());
        return turnContext.SendActivityAsync(activity, cancellationToken);
    }
}

/// <summary>
/// Any number of a list of choices ("1 and 3", "all", "none"); not in the SDK. An empty result means the
/// user chose none. The recogniser reports parts it could not match in <see cref="PromptRecognizerResult{T}.Error"/>.
/// </summary>
public sealed class MultiChoicePrompt(string dialogId, MultiChoiceInputRecognizer recognizer, PromptValidator<IReadOnlyList<FoundChoice>>? validator = null)
    : Prompt<IReadOnlyList<FoundChoice>>(dialogId, validator)
{
    /// <summary>Buttons would send one choice at a time; numbered text invites "1 and 3".</summary>
    public ListStyle Style { get; set; } = ListStyle.List;

    protected override Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
        => ChoicePrompt.SendChoicesAsync(turnContext, options, options.Style ?? Style, GetLocale(turnContext, options), isRetry, cancellationToken);

    protected override Task<PromptRecognizerResult<IReadOnlyList<FoundChoice>>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        var input = GetInput(turnContext, state, options);
        var choices = options.Choices ?? [];
        return Task.FromResult(input.Text.Length == 0 || choices.Count == 0 ? PromptRecognizerResult<IReadOnlyList<FoundChoice>>.Failure() : recognizer(input, choices));
    }

    protected override string FormatValue(IReadOnlyList<FoundChoice> value, string locale) => string.Join(", ", value.Select(v => v.Value));
}
